package org.agora.post.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.agora.events.crypto.CryptoException;
import org.agora.kit.api.ApiException;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.post.projection.PostStore;
import org.agora.post.storage.MediaStore;

/**
 * Serves an image, opened in memory. Media ids carry 122 random bits, so the URL is the capability,
 * as image tags send no token; once the post is deleted the bytes are gone.
 */
@Path(MediaFileResource.PATH)
public class MediaFileResource {
  public static final String PATH = "/api/agora/v1/posts/media";

  private final PostStore store;
  private final MediaStore files;
  private final ContentKeyRing keys;

  public MediaFileResource(PostStore store, MediaStore files, ContentKeyRing keys) {
    this.store = store;
    this.files = files;
    this.keys = keys;
  }

  @GET
  @Path("/{id}")
  public Uni<Response> file(@PathParam("id") String id) {
    UUID mediaId;
    try {
      mediaId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
    var key = keys.find(mediaId).orElseThrow(ApiException::notFound);
    return store
        .media(mediaId)
        .map(media -> media.orElseThrow(ApiException::notFound))
        .chain(
            media ->
                files
                    .get(mediaId)
                    .map(
                        stored -> {
                          byte[] bytes;
                          try {
                            bytes =
                                key.openBytes(
                                    stored.orElseThrow(ApiException::notFound), id.toLowerCase());
                          } catch (CryptoException e) {
                            throw ApiException.notFound();
                          }
                          return Response.ok(bytes, media.mimeType)
                              .header("Cache-Control", "no-store")
                              .header("X-Content-Type-Options", "nosniff")
                              .build();
                        }));
  }
}
