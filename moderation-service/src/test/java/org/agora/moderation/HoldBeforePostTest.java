package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.PostId;
import org.agora.events.crypto.DataKey;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.PostPublished;
import org.agora.moderation.projection.ModerationProjector;
import org.agora.moderation.projection.ModerationStore;
import org.junit.jupiter.api.Test;

/**
 * A hold and its post reach the projection through two consumers that run side by side; whichever
 * commits first, the queue item ends with its author (on the real PostgreSQL).
 */
@QuarkusTest
class HoldBeforePostTest {
  private static final int POSTS = 60;

  @Inject ModerationProjector projector;
  @Inject ModerationStore store;

  @Test
  void aHoldAppliedAlongsideItsPostAlwaysGetsTheAuthor() {
    List<UUID> posts = new ArrayList<>();
    List<Uni<Void>> pairs = new ArrayList<>();
    for (int i = 0; i < POSTS; i++) {
      Instant now = Instant.now();
      PostId post = PostId.newId(now);
      posts.add(post.value());
      var published =
          new PostPublished(
              post,
              new AccountId(UUID.randomUUID()),
              DataKey.generate().seal("a threat", post.toString()),
              "en",
              null,
              "public",
              now,
              null);
      var held =
          new PostScreened(
              UUID.randomUUID(),
              post,
              PostScreened.HELD,
              0.9,
              List.of("threats"),
              "test",
              now,
              now);
      pairs.add(
          Uni.combine()
              .all()
              .unis(
                  projector.apply(held.decisionId(), held),
                  projector.applyPosts(
                      List.<Object[]>of(new Object[] {UUID.randomUUID(), published})))
              .discardItems());
    }
    Uni.join().all(pairs).andFailFast().await().atMost(Duration.ofSeconds(60));

    var rows =
        store
            .query(
                "select count(*) filter (where target_account_id is null),"
                    + " count(*) from queue_item where post_id = any($1)",
                (Object) posts.toArray(UUID[]::new))
            .await()
            .atMost(Duration.ofSeconds(10));
    var row = rows.iterator().next();
    assertThat(row.getLong(1)).as("queue items").isEqualTo(POSTS);
    assertThat(row.getLong(0)).as("queue items without author").isZero();
  }
}
