package org.agora.moderation.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.crypto.CryptoException;
import org.agora.events.moderation.EvidenceAccessed;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.moderation.domain.DecisionRules;
import org.agora.moderation.messaging.EvidenceVault;
import org.agora.moderation.messaging.ModerationLog;
import org.agora.moderation.projection.ModerationQueries;

/**
 * Escrowed evidence of a post removed as illegal content: admins with a second factor only, and
 * every access is appended as {@code EvidenceAccessed} before the content is answered.
 */
@Path("/api/agora/v1/moderation/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {
  private final Caller caller;
  private final EvidenceVault vault;
  private final ModerationQueries queries;
  private final ModerationLog log;
  private final Clock clock;

  public EvidenceResource(
      Caller caller,
      EvidenceVault vault,
      ModerationQueries queries,
      ModerationLog log,
      Clock clock) {
    this.caller = caller;
    this.vault = vault;
    this.queries = queries;
    this.log = log;
    this.clock = clock;
  }

  @GET
  @Path("/{postId}")
  @Authenticated
  public Uni<Views.Evidence> read(@PathParam("postId") String postId) {
    AccountId admin = caller.requireStaff(Caller.ADMIN);
    UUID post = DecisionRules.id("postId", postId);
    var escrow =
        vault
            .find(post)
            .orElseThrow(() -> new ApiException(404, "postId: no evidence escrowed for this post"));
    return queries
        .post(post)
        .chain(
            row -> {
              var p =
                  row.orElseThrow(
                      () ->
                          new ApiException(404, "postId: the post's ciphertext is not held here"));
              String text;
              try {
                text = escrow.key().open(p.content(), post.toString());
              } catch (CryptoException e) {
                throw new ApiException(409, "postId: the escrowed key does not open this post");
              }
              Instant now = clock.instant();
              UUID access = UUID.randomUUID();
              String actor = DecisionDesk.actor(admin);
              return log.decide(
                      new EvidenceAccessed(access, escrow.postId(), actor, now),
                      post.toString(),
                      now,
                      actor)
                  .replaceWith(
                      new Views.Evidence(
                          post,
                          p.authorId(),
                          p.publishedAt(),
                          p.language(),
                          text,
                          escrow.expiresAt(),
                          access));
            });
  }
}
