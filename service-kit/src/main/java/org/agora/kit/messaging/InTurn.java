package org.agora.kit.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Asynchronous steps run one after the other, each starting when the one before it has ended. NOTE:
 * a loop of {@code done = done.chain(...)} does the same for a few items, but its operators nest:
 * subscribing a chain of a full Kafka poll (500 records) overflowed the event loop's stack, which
 * left a channel hung on its first record. A stream subscribes one step at a time.
 */
public final class InTurn {
  private InTurn() {}

  /** Runs {@code step} for each item in order; the first failure fails the whole. */
  public static <T> Uni<Void> each(Iterable<T> items, Function<T, Uni<?>> step) {
    return Multi.createFrom()
        .iterable(items)
        .onItem()
        .transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
