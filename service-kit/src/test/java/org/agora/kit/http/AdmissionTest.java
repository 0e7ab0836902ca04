package org.agora.kit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  @Test
  void admitsUpToTheLimitAndAgainAfterOneLeaves() {
    var admission = new Admission(2);
    assertThat(admission.tryEnter()).isTrue();
    assertThat(admission.tryEnter()).isTrue();
    assertThat(admission.tryEnter()).isFalse();
    assertThat(admission.inFlight()).isEqualTo(2);
    admission.leave();
    assertThat(admission.tryEnter()).isTrue();
    assertThat(admission.tryEnter()).isFalse();
  }

  @Test
  void aLimitOfZeroRefusesEverything() {
    assertThat(new Admission(0).tryEnter()).isFalse();
  }

  @Test
  void aNegativeLimitIsRefusedNamingIt() {
    assertThatThrownBy(() -> new Admission(-1)).hasMessageContaining("limit: -1");
  }

  @Test
  void racingThreadsNeverGetMoreThanTheLimitAdmitted() throws Exception {
    var admission = new Admission(10);
    var admitted = new AtomicInteger();
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 1000; i++) {
        pool.submit(
            () -> {
              start.await();
              if (admission.tryEnter()) {
                admitted.incrementAndGet();
              }
              return null;
            });
      }
      start.countDown();
    }
    assertThat(admitted.get()).isEqualTo(10);
    assertThat(admission.inFlight()).isEqualTo(10);
  }
}
