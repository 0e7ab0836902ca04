package org.agora.timeline.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;

/** Moderation decisions as the timelines need them; every apply is idempotent. */
@ApplicationScoped
public class ModerationProjection {
  /** Records a verdict (the latest screening wins); true when a cleared verdict is new. */
  public Uni<Boolean> apply(PostScreened event) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "insert into post_screening (post_id, verdict, screened_at)"
                                    + " values (?1, ?2, ?3) on conflict (post_id) do update set"
                                    + " verdict = excluded.verdict,"
                                    + " screened_at = excluded.screened_at"
                                    + " where post_screening.screened_at < excluded.screened_at")
                            .setParameter(1, event.postId().value())
                            .setParameter(2, event.verdict())
                            .setParameter(3, event.screenedAt())
                            .executeUpdate()
                            .map(rows -> rows > 0 && event.cleared())));
  }

  public Uni<Void> apply(PostRemoved event) {
    return Panache.withTransaction(
            () ->
                PostScreening.update(
                    "removedAt = ?1 where postId = ?2", event.removedAt(), event.postId().value()))
        .replaceWithVoid();
  }

  public Uni<Void> apply(PostRestored event) {
    return Panache.withTransaction(
            () ->
                PostScreening.update(
                    "removedAt = null where postId = ?1 and removedAt <= ?2",
                    event.postId().value(),
                    event.restoredAt()))
        .replaceWithVoid();
  }
}
