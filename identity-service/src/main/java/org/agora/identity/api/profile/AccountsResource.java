package org.agora.identity.api.profile;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.identity.domain.graph.GraphRules;
import org.agora.identity.domain.profile.ProfileEditor;
import org.agora.identity.domain.profile.ProfileText;
import org.agora.identity.lifecycle.AccountEnrolment;
import org.agora.identity.lifecycle.ProfileKeys;
import org.agora.identity.messaging.graph.IdentityLog;
import org.agora.identity.projection.IdentityStore;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.kit.mastodon.MastodonAccount;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mastodon's account profile API: the owner's credentials and profile edits (always the token's own
 * account, so nobody can edit another's), and public lookups by handle or id.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
  private final Caller caller;
  private final AccountEnrolment enrolment;
  private final IdentityStore store;
  private final ProfileViews views;
  private final ProfileKeys keys;
  private final ProfileEditor editor;
  private final IdentityLog log;
  private final String host;

  public AccountsResource(
      Caller caller,
      AccountEnrolment enrolment,
      IdentityStore store,
      ProfileViews views,
      ProfileKeys keys,
      ProfileEditor editor,
      IdentityLog log,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.caller = caller;
    this.enrolment = enrolment;
    this.store = store;
    this.views = views;
    this.keys = keys;
    this.editor = editor;
    this.log = log;
    this.host = URI.create(publicUrl).getHost();
  }

  @GET
  @Path("/verify_credentials")
  @Authenticated
  public Uni<CredentialAccountView> verifyCredentials() {
    AccountId me = caller.requireAccount();
    return enrolment.ensure(me, caller.username().orElse(null)).chain(views::credentials);
  }

  @PATCH
  @Path("/update_credentials")
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<CredentialAccountView> updateCredentials(ProfileUpdateRequest request) {
    ProfileUpdateRequest body = request == null ? new ProfileUpdateRequest(null, null) : request;
    return update(body.displayName(), body.note());
  }

  @PATCH
  @Path("/update_credentials")
  @Authenticated
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  public Uni<CredentialAccountView> updateCredentialsForm(
      @RestForm("display_name") String displayName, @RestForm String note) {
    return update(displayName, note);
  }

  @GET
  @Path("/lookup")
  public Uni<MastodonAccount> lookup(@QueryParam("acct") String acct) {
    String handle = localHandle(acct);
    return store
        .accountByHandle(handle)
        .map(found -> found.orElseThrow(ApiException::notFound))
        .chain(views::account);
  }

  // NOTE: public like Mastodon's; ids carry 122 random bits, so they cannot be walked.
  @GET
  @Path("/{id}")
  public Uni<MastodonAccount> account(@PathParam("id") String id) {
    UUID account = accountId(id);
    return store
        .account(account)
        .map(found -> found.orElseThrow(ApiException::notFound))
        .chain(views::account);
  }

  private Uni<CredentialAccountView> update(String displayName, String note) {
    AccountId me = caller.requireSpeaker();
    // Checked before anything is appended: a refused edit issues no key and writes nothing.
    if (displayName != null) {
      ProfileText.displayName(displayName);
    }
    if (note != null) {
      ProfileText.note(note);
    }
    var command = new ProfileEditor.UpdateProfile(me, displayName, note);
    return enrolment
        .ensure(me, caller.username().orElse(null))
        .invoke(account -> GraphRules.requireActive(account.state, "change the profile"))
        .chain(
            account ->
                keys.keyOf(account)
                    .chain(
                        key -> {
                          var edited = editor.edit(command, views.profile(account), key);
                          var event = edited.event();
                          return log.append(event, event.changedAt(), me.toString())
                              .chain(() -> store.apply(event));
                        })
                    .chain(() -> store.account(me.value()))
                    .map(found -> found.orElseThrow(ApiException::notFound))
                    .chain(views::credentials));
  }

  /** {@code name}, {@code @name} or {@code name@this-host}; other hosts are not known here. */
  private String localHandle(String acct) {
    if (acct == null || acct.isBlank()) {
      throw ApiException.badRequest("acct: can't be blank");
    }
    String value = acct.strip();
    if (value.startsWith("@")) {
      value = value.substring(1);
    }
    int at = value.indexOf('@');
    if (at >= 0) {
      String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
      if (!domain.equals(host)) {
        throw ApiException.notFound();
      }
      value = value.substring(0, at);
    }
    if (value.isEmpty() || value.length() > 64) {
      throw ApiException.notFound();
    }
    return value.toLowerCase(Locale.ROOT);
  }

  static UUID accountId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }
}
