package org.agora.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsumerRetriesTest {
  private static final Duration SHORT = Duration.ofMillis(20);

  @Test
  void aFailingWorkIsTriedUntilItSucceedsAndListedAsStalledMeanwhile() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    CountDownLatch thirdTry = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    long failedBefore = ConsumerRetries.failedTries();
    String what = "applying a test event " + System.nanoTime();

    CompletableFuture<Void> done =
        ConsumerRetries.untilDone(
                what,
                () ->
                    Uni.createFrom()
                        .item(tries::incrementAndGet)
                        .chain(
                            n -> {
                              if (n < 3) {
                                return Uni.createFrom()
                                    .failure(new IllegalStateException("database away " + n));
                              }
                              thirdTry.countDown();
                              return Uni.createFrom()
                                  .completionStage(
                                      CompletableFuture.runAsync(
                                          () -> {
                                            try {
                                              release.await();
                                            } catch (InterruptedException e) {
                                              Thread.currentThread().interrupt();
                                            }
                                          }))
                                  .replaceWithVoid();
                            }),
                SHORT,
                SHORT)
            .subscribeAsCompletionStage()
            .toCompletableFuture();

    assertThat(thirdTry.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(done).isNotDone();
    assertThat(ConsumerRetries.stalled())
        .filteredOn(stall -> stall.what().equals(what))
        .singleElement()
        .satisfies(
            stall -> {
              assertThat(stall.failures()).isEqualTo(2);
              assertThat(stall.lastError()).contains("database away 2");
            });
    assertThat(ConsumerRetries.failedTries() - failedBefore).isGreaterThanOrEqualTo(2);

    release.countDown();
    done.get(5, TimeUnit.SECONDS);
    assertThat(tries).hasValue(3);
    assertThat(ConsumerRetries.stalled()).noneMatch(stall -> stall.what().equals(what));
  }

  @Test
  void aWorkThatSucceedsAtOnceIsTriedOnceAndNeverListed() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    String what = "applying a quiet event " + System.nanoTime();
    ConsumerRetries.untilDone(
            what,
            () -> Uni.createFrom().item(tries::incrementAndGet).replaceWithVoid(),
            SHORT,
            SHORT)
        .await()
        .atMost(Duration.ofSeconds(5));
    assertThat(tries).hasValue(1);
    assertThat(ConsumerRetries.stalled()).noneMatch(stall -> stall.what().equals(what));
  }

  @Test
  void aWorkBegunBeforeTheServiceStoppedIsNotTriedAgainAndLaterWorksAre() {
    AtomicInteger tries = new AtomicInteger();
    String what = "applying while stopping " + System.nanoTime();
    assertThatThrownBy(
            () ->
                ConsumerRetries.untilDone(
                        what,
                        () -> {
                          tries.incrementAndGet();
                          ConsumerRetries.stopping();
                          return Uni.createFrom().failure(new IllegalStateException("Pool closed"));
                        },
                        SHORT,
                        SHORT)
                    .await()
                    .atMost(Duration.ofSeconds(5)))
        .hasMessageContaining("Pool closed");
    assertThat(tries).hasValue(1);
    assertThat(ConsumerRetries.stalled()).noneMatch(stall -> stall.what().equals(what));

    AtomicInteger later = new AtomicInteger();
    ConsumerRetries.untilDone(
            "applying after a restart",
            () ->
                later.incrementAndGet() < 2
                    ? Uni.createFrom().failure(new IllegalStateException("database away"))
                    : Uni.createFrom().voidItem(),
            SHORT,
            SHORT)
        .await()
        .atMost(Duration.ofSeconds(5));
    assertThat(later).hasValue(2);
  }

  @Test
  void aWorkThatNeverAnswersIsListedAsRunningOnceItPassesTheLimit() throws Exception {
    String what = "applying into a silent database " + System.nanoTime();
    var hanging =
        ConsumerRetries.untilDone(what, () -> Uni.createFrom().nothing(), SHORT, SHORT)
            .subscribe()
            .with(done -> {}, failure -> {});
    try {
      assertThat(ConsumerRetries.runningLongerThan(Duration.ofMinutes(1)))
          .noneMatch(running -> running.what().equals(what));
      Thread.sleep(100);
      assertThat(ConsumerRetries.runningLongerThan(Duration.ofMillis(50)))
          .anyMatch(running -> running.what().equals(what));
    } finally {
      hanging.cancel();
    }
    assertThat(ConsumerRetries.runningLongerThan(Duration.ZERO))
        .noneMatch(running -> running.what().equals(what));
  }

  @Test
  void eachSubscriptionRunsTheWorkAfresh() {
    AtomicInteger tries = new AtomicInteger();
    Uni<Void> work =
        ConsumerRetries.untilDone(
            "applying twice",
            () -> Uni.createFrom().item(tries::incrementAndGet).replaceWithVoid(),
            SHORT,
            SHORT);
    work.await().atMost(Duration.ofSeconds(5));
    work.await().atMost(Duration.ofSeconds(5));
    assertThat(tries).hasValue(2);
  }
}
