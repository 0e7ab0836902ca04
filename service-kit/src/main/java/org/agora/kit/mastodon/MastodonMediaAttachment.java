package org.agora.kit.mastodon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Mastodon's MediaAttachment entity (images only). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MastodonMediaAttachment(
    String id,
    String type,
    String url,
    @JsonProperty("preview_url") String previewUrl,
    @JsonProperty("remote_url") String remoteUrl,
    Map<String, Object> meta,
    String description,
    String blurhash) {

  public static MastodonMediaAttachment image(
      String id, String url, int width, int height, String description) {
    Map<String, Object> original =
        Map.of(
            "width",
            width,
            "height",
            height,
            "size",
            width + "x" + height,
            "aspect",
            height == 0 ? 0 : (double) width / height);
    return new MastodonMediaAttachment(
        id, "image", url, url, null, Map.of("original", original), description, null);
  }
}
