package org.agora.post.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTest {
  @Test
  void consecutiveItemsThatGoTogetherFormOneRunAndTheOrderIsKept() {
    var runs = Runs.of(List.of("p1", "p2", "e1", "p3", "d1", "d2", "p4"), s -> s.startsWith("p"));

    assertThat(runs)
        .containsExactly(
            List.of("p1", "p2"),
            List.of("e1"),
            List.of("p3"),
            List.of("d1"),
            List.of("d2"),
            List.of("p4"));
  }

  @Test
  void aBatchOfOneKindIsOneRunAndAnEmptyBatchNone() {
    assertThat(Runs.of(List.of(1, 2, 3), n -> true)).containsExactly(List.of(1, 2, 3));
    assertThat(Runs.of(List.of(1, 2), n -> false)).containsExactly(List.of(1), List.of(2));
    assertThat(Runs.of(List.<Integer>of(), n -> true)).isEmpty();
  }
}
