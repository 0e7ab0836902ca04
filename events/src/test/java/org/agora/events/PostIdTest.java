package org.agora.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostIdTest {
  @Test
  void isAVersion7UuidCarryingItsCreationTime() {
    Instant now = Instant.parse("2026-11-29T20:00:00.123Z");

    PostId id = PostId.newId(now);

    assertThat(id.value().version()).isEqualTo(7);
    assertThat(id.value().variant()).isEqualTo(2);
    assertThat(id.createdAt()).isEqualTo(now);
  }

  @Test
  void sortsByCreationTimeAndNeverRepeats() {
    PostId earlier = PostId.newId(Instant.parse("2026-11-29T20:00:00Z"));
    PostId later = PostId.newId(Instant.parse("2026-11-29T20:00:01Z"));
    assertThat(earlier).isLessThan(later);

    Set<PostId> sameMillisecond = new HashSet<>();
    Instant now = Instant.now();
    for (int i = 0; i < 10_000; i++) {
      sameMillisecond.add(PostId.newId(now));
    }
    assertThat(sameMillisecond).hasSize(10_000);
  }

  @Test
  void comparesUnsignedSoIdsAfter2039StillSortLast() {
    PostId before = PostId.newId(Instant.parse("2039-01-01T00:00:00Z"));
    PostId after = PostId.newId(Instant.parse("2100-01-01T00:00:00Z"));

    assertThat(before).isLessThan(after);
  }
}
