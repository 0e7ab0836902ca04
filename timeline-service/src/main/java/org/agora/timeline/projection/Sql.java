package org.agora.timeline.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.agora.kit.messaging.InTurn;

/** Small helpers for the native statements of the projection. */
final class Sql {
  private Sql() {}

  static Tuple args(Object... values) {
    Tuple tuple = Tuple.tuple();
    for (Object value : values) {
      tuple.addValue(value);
    }
    return tuple;
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  /**
   * Statements of one connection, sent without waiting for each other's answers: the connection
   * runs them in the order given (each sees what the ones before it wrote), and the first failure
   * fails the whole, as it aborts the transaction the rest run in.
   */
  static Uni<Void> pipelined(Uni<?>... statements) {
    return Uni.combine().all().unis(statements).discardItems();
  }

  /** Runs {@code step} for each item, one after the other ({@link InTurn}). */
  static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> step) {
    return InTurn.each(items, step);
  }
}
