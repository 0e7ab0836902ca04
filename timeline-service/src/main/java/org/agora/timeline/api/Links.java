package org.agora.timeline.api;

import java.util.Optional;

/** Mastodon's Link header: next (older) and prev (newer) pages around the one served. */
final class Links {
  private Links() {}

  static Optional<String> of(String self, int limit, StatusPage page) {
    if (page.newestId() == null) {
      return Optional.empty();
    }
    String newest = page.newestId();
    String oldest = page.oldestId();
    return Optional.of(
        "<"
            + self
            + "?limit="
            + limit
            + "&max_id="
            + oldest
            + ">; rel=\"next\", <"
            + self
            + "?limit="
            + limit
            + "&min_id="
            + newest
            + ">; rel=\"prev\"");
  }
}
