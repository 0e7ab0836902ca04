package org.agora.timeline.api;

import java.util.List;
import java.util.Optional;
import org.agora.kit.mastodon.MastodonStatus;

/** Mastodon's Link header: next (older) and prev (newer) pages around the one served. */
final class Links {
  private Links() {}

  static Optional<String> of(String self, int limit, List<MastodonStatus> statuses) {
    if (statuses.isEmpty()) {
      return Optional.empty();
    }
    String newest = statuses.get(0).id();
    String oldest = statuses.get(statuses.size() - 1).id();
    return Optional.of(
        "<%1$s?limit=%2$d&max_id=%3$s>; rel=\"next\", <%1$s?limit=%2$d&min_id=%4$s>; rel=\"prev\""
            .formatted(self, limit, oldest, newest));
  }
}
