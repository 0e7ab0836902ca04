package org.agora.post.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.kit.api.ApiException;
import org.agora.kit.auth.Caller;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonMediaAttachment;
import org.agora.post.domain.MediaIntake;
import org.agora.post.domain.PostRejected;
import org.agora.post.domain.media.MediaRejected;
import org.agora.post.messaging.PostLog;
import org.agora.post.projection.PostStore;
import org.agora.post.storage.MediaStore;

/**
 * Mastodon's media upload. The file part is read into memory (never spooled to disk), stripped of
 * its metadata, sealed under its own key and only then stored; the sealed file is written before
 * the event, so a failed append leaves only bytes whose key exists nowhere.
 */
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Path("/api")
public class MediaResource {
  private final Caller caller;
  private final MediaIntake intake;
  private final PostLog log;
  private final PostStore store;
  private final MediaStore files;
  private final ContentKeyRing keys;
  private final StatusViews views;
  private final SpeechChecks speech;

  public MediaResource(
      Caller caller,
      MediaIntake intake,
      PostLog log,
      PostStore store,
      MediaStore files,
      ContentKeyRing keys,
      StatusViews views,
      SpeechChecks speech) {
    this.caller = caller;
    this.intake = intake;
    this.log = log;
    this.store = store;
    this.files = files;
    this.keys = keys;
    this.views = views;
    this.speech = speech;
  }

  @POST
  @Path("/v2/media")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Uni<MastodonMediaAttachment> upload(
      @HeaderParam("Content-Type") String contentType, byte[] body) {
    AccountId owner = caller.requireSpeaker();
    var form = MultipartForm.parse(contentType, body == null ? new byte[0] : body);
    byte[] file = form.bytes("file").orElse(null);
    String description = form.text("description").orElse(null);
    if (file == null || file.length == 0) {
      throw ApiException.unprocessable("file: is required");
    }
    MediaIntake.AcceptedMedia accepted;
    try {
      accepted = intake.accept(owner, file, null, description);
    } catch (MediaRejected e) {
      int status =
          switch (e.kind()) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE -> 413;
            case INVALID -> 422;
          };
      throw new ApiException(status, e.getMessage());
    } catch (PostRejected e) {
      throw ApiException.unprocessable(e.getMessage());
    }
    var event = accepted.event();
    return speech
        .refuseIfMayNotSpeak(owner)
        .chain(() -> files.put(event.mediaId(), accepted.sealed()))
        .chain(() -> log.appendUploaded(accepted.key(), event, owner.toString()))
        .invoke(() -> keys.put(event.mediaId(), accepted.dataKey()))
        .chain(() -> store.apply(event))
        .map(
            ignored ->
                MastodonMediaAttachment.image(
                    event.mediaId().toString(),
                    views.mediaUrl(event.mediaId()),
                    event.width(),
                    event.height(),
                    accepted.description()));
  }

  @POST
  @Path("/v1/media")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Uni<MastodonMediaAttachment> uploadV1(
      @HeaderParam("Content-Type") String contentType, byte[] body) {
    return upload(contentType, body);
  }

  @GET
  @Path("/v1/media/{id}")
  public Uni<MastodonMediaAttachment> describe(@PathParam("id") String id) {
    AccountId owner = caller.requireAccount();
    UUID mediaId;
    try {
      mediaId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
    return store
        .media(mediaId)
        .map(
            media ->
                media
                    .filter(m -> m.ownerId.equals(owner.value()))
                    .map(views::attachment)
                    .orElseThrow(ApiException::notFound));
  }
}
