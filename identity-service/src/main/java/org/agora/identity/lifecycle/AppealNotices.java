package org.agora.identity.lifecycle;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.agora.identity.keycloak.KeycloakAdmin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mails a suspended account the notice of its suspension with the appeal capability: the only way
 * it still reaches its statement of reasons and the appeal (DSA Art. 20), since it can no longer
 * log in. The address is read from Keycloak and never leaves this class.
 */
@ApplicationScoped
public class AppealNotices {
  private static final Logger LOG = Logger.getLogger(AppealNotices.class);
  static final String SUBJECT = "Your Agora account is suspended";

  private final ReactiveMailer mailer;
  private final KeycloakAdmin admin;
  private final String publicUrl;

  public AppealNotices(
      ReactiveMailer mailer,
      KeycloakAdmin admin,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.mailer = mailer;
    this.admin = admin;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** What became of a notice. */
  public enum Outcome {
    /** The mail server accepted it. */
    SENT,
    /** It can never be sent: the account has no e-mail address (or no longer exists). */
    UNDELIVERABLE,
    /** It was not sent this time (the mail server or Keycloak away): to be tried again. */
    FAILED
  }

  /**
   * Sends the notice, retrying a few times; a failure is logged (with the decision, not the
   * address) and answered as {@link Outcome#FAILED}, since the suspension itself stands and the
   * notice is kept to be sent again ({@link NoticeOutbox}).
   */
  public Uni<Outcome> send(String accountId, UUID decisionId, Instant until, String capability) {
    return Offload.call(
            () -> admin.user(accountId).map(user -> user.path("email").asText("")).orElse(""))
        .chain(
            address -> {
              if (address.isBlank()) {
                LOG.warnf(
                    "suspension %s: account %s has no e-mail address, no appeal notice sent",
                    decisionId, accountId);
                return Uni.createFrom().item(Outcome.UNDELIVERABLE);
              }
              return mailer
                  .send(Mail.withText(address, SUBJECT, text(decisionId, until, capability)))
                  .replaceWith(Outcome.SENT);
            })
        .onFailure()
        .retry()
        .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10))
        .atMost(4)
        .onFailure()
        .invoke(
            e ->
                LOG.errorf(
                    "suspension %s: the appeal notice to account %s could not be sent: %s",
                    decisionId, accountId, e.getMessage()))
        .onFailure()
        .recoverWithItem(Outcome.FAILED);
  }

  String text(UUID decisionId, Instant until, String capability) {
    String statement = publicUrl + "/api/agora/v1/moderation/statements/" + decisionId;
    String appeals = publicUrl + "/api/agora/v1/moderation/appeals";
    // NOTE: ASCII only and the capability on a line of its own, so no transfer encoding
    // breaks it up.
    return String.join(
        "\n",
        "Your Agora account has been suspended "
            + (until == null ? "permanently." : "until " + until + "."),
        "",
        "Decision: " + decisionId,
        "",
        "You cannot log in while the suspension lasts. You can still read the statement of",
        "reasons for this decision and appeal it, within the appeal period it states, with this",
        "appeal capability. Keep it secret: anyone who has it can appeal in your name.",
        "",
        "Capability: " + capability,
        "",
        "Read the statement of reasons:",
        "  GET " + statement,
        "  with the header  Agora-Appeal-Capability: <the capability above>",
        "",
        "Appeal (a moderator who did not take the decision will review it):",
        "  POST " + appeals,
        "  Content-Type: application/json",
        "  {\"decisionId\": \"" + decisionId + "\", \"capability\": \"<the capability above>\",",
        "   \"text\": \"<why the decision is wrong>\"}",
        "",
        "Agora moderation",
        "");
  }
}
