package org.agora.identity.api.graph;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agora.identity.projection.IdentityStore.Edge;
import org.agora.identity.projection.IdentityStore.EdgeCursor;
import org.agora.identity.projection.IdentityStore.EdgePage;
import org.agora.kit.api.ApiException;

/**
 * Mastodon paging over followers, following and blocks. A position is opaque to clients (they
 * follow the Link header): the edge's start in microseconds and the other account's id.
 */
final class EdgeCursors {
  static final int DEFAULT_LIMIT = 40;
  static final int MAX_LIMIT = 80;

  private EdgeCursors() {}

  static EdgePage page(String maxId, String sinceId, String minId, String limit, int max) {
    return new EdgePage(
        cursor("max_id", maxId),
        cursor("since_id", sinceId),
        cursor("min_id", minId),
        limit(limit, max));
  }

  static String format(Edge edge) {
    Instant at = edge.at();
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    return micros + "-" + edge.accountId();
  }

  static Optional<String> links(String self, int limit, List<Edge> edges) {
    if (edges.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "<"
            + self
            + "?limit="
            + limit
            + "&max_id="
            + format(edges.get(edges.size() - 1))
            + ">; rel=\"next\", <"
            + self
            + "?limit="
            + limit
            + "&min_id="
            + format(edges.get(0))
            + ">; rel=\"prev\"");
  }

  private static EdgeCursor cursor(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    int dash = value.indexOf('-');
    try {
      if (dash < 1 || value.length() > 60) {
        throw new IllegalArgumentException();
      }
      long micros = Long.parseLong(value.substring(0, dash));
      UUID id = UUID.fromString(value.substring(dash + 1));
      return new EdgeCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(field + ": not a position from this list's Link header");
    }
  }

  private static int limit(String value, int max) {
    if (value == null || value.isBlank()) {
      return Math.min(DEFAULT_LIMIT, max);
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 1) {
        return Math.min(parsed, max);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit: must be a whole number from 1 to " + max);
  }
}
