package org.agora.timeline.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.agora.events.EventEnvelope;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.timeline.domain.PageRequest;

/**
 * The posts read model. Applying an event is idempotent: a post already projected is left as it is,
 * so a redelivered or replayed record changes nothing.
 */
@ApplicationScoped
public class PostProjection {
  private static final String INSERT =
      "insert into projected_post (id, author_id, published_at, in_reply_to_id, language,"
          + " visibility, content_alg, content_nonce, content_ciphertext, event_id)"
          + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (id) do nothing";

  /** Projects a published post; true when it was new. */
  public Uni<Boolean> apply(EventEnvelope envelope, PostPublished event) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(INSERT)
                            .setParameter(1, event.postId().value())
                            .setParameter(2, event.authorId().value())
                            .setParameter(3, event.publishedAt())
                            .setParameter(
                                4, event.inReplyToId() == null ? null : event.inReplyToId().value())
                            .setParameter(5, event.language())
                            .setParameter(6, event.visibility())
                            .setParameter(7, event.content().alg())
                            .setParameter(8, event.content().nonce())
                            .setParameter(9, event.content().ciphertext())
                            .setParameter(10, envelope.id())
                            .executeUpdate())
                .map(rows -> rows > 0));
  }

  /** Replaces the sealed text of a post this projection holds; a later edit never loses. */
  public Uni<Void> apply(PostEdited event) {
    return Panache.withTransaction(
            () ->
                ProjectedPost.update(
                    "contentAlg = ?1, contentNonce = ?2, contentCiphertext = ?3, language = ?4,"
                        + " editedAt = ?5 where id = ?6 and (editedAt is null or editedAt < ?5)",
                    event.content().alg(),
                    event.content().nonce(),
                    event.content().ciphertext(),
                    event.language(),
                    event.editedAt(),
                    event.postId().value()))
        .replaceWithVoid();
  }

  /**
   * Drops a post and what moderation said of it: its author deleted it, or its key was shredded.
   */
  public Uni<Void> purge(UUID postId) {
    return Panache.withTransaction(
            () ->
                ProjectedPost.delete("id", postId)
                    .chain(() -> PostScreening.delete("postId", postId)))
        .replaceWithVoid();
  }

  /** One page of an author's posts, newest first. */
  public Uni<List<ProjectedPost>> byAuthor(UUID author, PageRequest page) {
    // NOTE: only posts that screening cleared and no removal holds down are shown.
    StringBuilder where =
        new StringBuilder(
            "authorId = :author and id in (select s.postId from PostScreening s"
                + " where s.verdict = 'cleared' and s.removedAt is null)");
    Parameters params = Parameters.with("author", author);
    if (page.maxId() != null) {
      where.append(" and id < :maxId");
      params.and("maxId", page.maxId());
    }
    if (page.sinceId() != null) {
      where.append(" and id > :sinceId");
      params.and("sinceId", page.sinceId());
    }
    if (page.minId() != null) {
      where.append(" and id > :minId");
      params.and("minId", page.minId());
    }
    String order = page.ascending() ? " order by id asc" : " order by id desc";
    return Panache.withSession(
        () ->
            ProjectedPost.<ProjectedPost>find(where + order, params)
                .page(0, page.limit())
                .list()
                .map(
                    rows -> {
                      List<ProjectedPost> ordered = new ArrayList<>(rows);
                      if (page.ascending()) {
                        Collections.reverse(ordered);
                      }
                      return ordered;
                    }));
  }
}
