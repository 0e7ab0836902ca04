package org.agora.post.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.kit.mastodon.MastodonStatus;
import org.agora.post.domain.PostComposer;
import org.agora.post.domain.PostRejected;
import org.agora.post.domain.PublishPost;
import org.agora.post.messaging.PostLog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/** Mastodon's statuses API: publishing. */
@Path("/api/v1/statuses")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StatusesResource {
  private final Caller caller;
  private final PostComposer composer;
  private final PostLog log;
  private final String publicUrl;

  public StatusesResource(
      Caller caller,
      PostComposer composer,
      PostLog log,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.caller = caller;
    this.composer = composer;
    this.log = log;
    this.publicUrl = publicUrl;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<MastodonStatus> publish(StatusRequest request) {
    AccountId author = caller.requireSpeaker();
    if (request == null) {
      throw ApiException.unprocessable("status: can't be blank");
    }
    return publish(author, request);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<MastodonStatus> publishForm(
      @RestForm String status,
      @RestForm("in_reply_to_id") String inReplyToId,
      @RestForm String language,
      @RestForm String visibility,
      @RestForm("media_ids[]") List<String> mediaIds) {
    AccountId author = caller.requireSpeaker();
    return publish(
        author, new StatusRequest(status, inReplyToId, language, visibility, null, null, mediaIds));
  }

  private Uni<MastodonStatus> publish(AccountId author, StatusRequest request) {
    if (request.mediaIds() != null && !request.mediaIds().isEmpty()) {
      // TODO(#4): media attachments arrive with the media store.
      throw ApiException.unprocessable("media_ids: media attachments are not supported yet");
    }
    PostComposer.ComposedPost post;
    try {
      post =
          composer.compose(
              new PublishPost(
                  author,
                  request.status(),
                  request.inReplyToId(),
                  request.language(),
                  request.visibility()));
    } catch (PostRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
    var event = post.event();
    var account =
        MastodonAccount.minimal(
            author.toString(), caller.username().orElse(author.toString()), null, publicUrl);
    return log.appendPublished(post.key(), event, author.toString())
        .replaceWith(
            MastodonStatus.of(
                event.postId().toString(),
                event.publishedAt(),
                event.inReplyToId() == null ? null : event.inReplyToId().toString(),
                event.visibility(),
                event.language(),
                post.text(),
                account,
                publicUrl));
  }
}
