package org.agora.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InTurnTest {
  private static final int MANY = 20_000;

  @Test
  void manyStepsRunInOrderWithoutOverflowingTheStack() {
    List<Integer> seen = new ArrayList<>();
    List<Integer> items = IntStream.range(0, MANY).boxed().toList();

    InTurn.each(items, i -> Uni.createFrom().item(i).invoke(seen::add))
        .await()
        .atMost(Duration.ofSeconds(30));

    assertThat(seen).containsExactlyElementsOf(items);
  }

  @Test
  void stepsThatEndOnAnotherThreadStillRunOneAtATime() {
    Executor elsewhere = Executors.newFixedThreadPool(4);
    List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    int[] running = {0};
    int[] mostAtOnce = {0};
    List<Integer> items = IntStream.range(0, 2_000).boxed().toList();

    InTurn.each(
            items,
            i ->
                Uni.createFrom()
                    .item(i)
                    .invoke(
                        () -> {
                          synchronized (running) {
                            running[0]++;
                            mostAtOnce[0] = Math.max(mostAtOnce[0], running[0]);
                          }
                        })
                    .emitOn(elsewhere)
                    .invoke(
                        x -> {
                          seen.add(x);
                          synchronized (running) {
                            running[0]--;
                          }
                        }))
        .await()
        .atMost(Duration.ofSeconds(30));

    assertThat(seen).containsExactlyElementsOf(items);
    assertThat(mostAtOnce[0]).isEqualTo(1);
  }

  @Test
  void theFirstFailureEndsTheRunAndIsPassedOn() {
    List<Integer> seen = new ArrayList<>();

    Uni<Void> run =
        InTurn.each(
            List.of(1, 2, 3),
            i ->
                i == 2
                    ? Uni.createFrom().failure(new IllegalStateException("step 2"))
                    : Uni.createFrom().item(i).invoke(seen::add));

    assertThatThrownBy(() -> run.await().atMost(Duration.ofSeconds(5)))
        .hasMessageContaining("step 2");
    assertThat(seen).containsExactly(1);
  }

  @Test
  void theOldChainOfTheSameLengthOverflows() {
    Uni<Void> done = Uni.createFrom().voidItem();
    for (int i = 0; i < MANY; i++) {
      done = done.chain(() -> Uni.createFrom().voidItem());
    }
    Uni<Void> chained = done;

    assertThatThrownBy(() -> chained.await().atMost(Duration.ofSeconds(30)))
        .isInstanceOf(StackOverflowError.class);
  }
}
