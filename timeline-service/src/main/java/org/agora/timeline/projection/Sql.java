package org.agora.timeline.projection;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

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

  /**
   * Runs {@code step} for each item, one after the other. NOTE: a stream, not a chain of {@code
   * chain()} calls, which for thousands of items overflows the stack when subscribed.
   */
  static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> step) {
    if (items.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(items)
        .onItem()
        .transformToUniAndConcatenate(step::apply)
        .collect()
        .last()
        .replaceWithVoid();
  }
}
