package org.agora.kit.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mastodon's paths answer errors as {@code {"error": …}}; Agora's own ({@code /api/agora/…}) as RFC
 * 9457 problem details.
 */
public final class ErrorShapes {
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final String AGORA_PREFIX = "/api/agora/";

  private ErrorShapes() {}

  public static boolean isAgoraPath(String path) {
    return path != null && path.startsWith(AGORA_PREFIX);
  }

  public static Map<String, Object> mastodon(String message) {
    return Map.of("error", message);
  }

  public static Map<String, Object> problem(int status, String title, String detail, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", path);
    return body;
  }
}
