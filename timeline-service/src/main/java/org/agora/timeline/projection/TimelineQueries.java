package org.agora.timeline.projection;

import static org.agora.timeline.projection.Sql.args;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.agora.events.EncryptedContent;
import org.agora.timeline.domain.PageRequest;

/** Reads of the serving generation: profile and home timelines, accounts to render. */
@ApplicationScoped
public class TimelineQueries {
  /** Shown: cleared, not removed, author neither suspended (now) nor blocking or blocked. */
  private static final String VISIBLE =
      """
      m.verdict = 'cleared' and m.removed_at is null
      and (a.id is null or a.state <> 'suspended'
           or (a.suspended_until is not null and a.suspended_until <= now()))
      and not exists (select 1 from %1$s.block b
        where (b.blocker_id = $1 and b.blocked_id = p.author_id)
           or (b.blocker_id = p.author_id and b.blocked_id = $1))
      """;

  /** Read by position ({@link #posts}): a look-up by name searches the columns for each. */
  private static final String COLUMNS =
      "p.id, p.author_id, p.published_at, p.in_reply_to_id, p.language, p.visibility,"
          + " p.content_alg, p.content_nonce, p.content_ciphertext, p.edited_at, m.sensitive,"
          // NOTE: the author comes with the post (the visibility rule joins it anyway), so a page
          // is one statement.
          + " a.id as a_id, a.handle, a.registered_at, a.display_alg, a.display_nonce,"
          + " a.display_ciphertext";

  private final Pool pool;
  private final Generations generations;

  public TimelineQueries(Pool pool, Generations generations) {
    this.pool = pool;
    this.generations = generations;
  }

  /**
   * One page of an author's posts as {@code viewer} may see them; empty when the account is unknown
   * here (no account record and no post) or erased.
   */
  public Uni<Optional<List<PostRow>>> byAuthor(UUID viewer, UUID author, PageRequest page) {
    return generations
        .active()
        .chain(
            g -> {
              String s = Generations.schema(g);
              String known =
                  ("select exists (select 1 from %1$s.account where id = $1)"
                          + " or exists (select 1 from %1$s.post where author_id = $1)"
                          + " as known, exists (select 1 from %1$s.erased_account where id = $1)"
                          + " as erased")
                      .formatted(s);
              List<Object> params = new ArrayList<>(List.of(viewer, author, page.limit()));
              String sql =
                  "select "
                      + COLUMNS
                      + " from %1$s.post p join %1$s.post_moderation m on m.post_id = p.id"
                      + " left join %1$s.account a on a.id = p.author_id"
                      + " where p.author_id = $2 and "
                      + VISIBLE
                      + range("p.id", page, params)
                      + order("p.id", page)
                      + " limit $3";
              // NOTE: a page with posts shows the account is known (an erased account's posts
              // are purged with it), so only an empty page needs the second statement.
              return pool.preparedQuery(sql.formatted(s))
                  .execute(args(params.toArray()))
                  .map(r -> posts(r, page))
                  .chain(
                      posts -> {
                        if (!posts.isEmpty()) {
                          return Uni.createFrom().item(Optional.of(posts));
                        }
                        return pool.preparedQuery(known)
                            .execute(args(author))
                            .map(
                                rows -> {
                                  Row row = rows.iterator().next();
                                  return !row.getBoolean("known") || row.getBoolean("erased")
                                      ? Optional.<List<PostRow>>empty()
                                      : Optional.of(posts);
                                });
                      });
            });
  }

  /**
   * One page of {@code owner}'s home timeline: the entries fanned out to it, merged with the posts
   * of followed accounts that were too large to fan out, newest first.
   */
  public Uni<List<PostRow>> home(UUID owner, PageRequest page) {
    return generations
        .active()
        .chain(
            g -> {
              String s = Generations.schema(g);
              // NOTE: candidates come from two index-ordered sources, each bounded; visibility
              // filters may drop a few, so each source offers more than one page.
              int candidates = page.limit() * 2 + 10;
              List<Object> params = new ArrayList<>(List.of(owner, page.limit(), candidates));
              String homeRange = range("h.post_id", page, params);
              String pullRange = range("q.id", page, params);
              // NOTE: each candidate is looked up on its own (lateral): with a join the one
              // generic plan merged the candidates against the whole post_moderation index when
              // paging forwards (min_id), thousands of buffers for one new post.
              String sql =
                  "select x.* from ("
                      + "(select h.post_id as id from %1$s.home_entry h where h.owner_id = $1"
                      + homeRange
                      + order("h.post_id", page)
                      + " limit $3) union"
                      + " (select q.id from %1$s.follow f join %1$s.post q"
                      + " on q.author_id = f.followed_id and q.fanout = 'pull'"
                      + " where f.follower_id = $1"
                      + pullRange
                      + order("q.id", page)
                      + " limit $3)) c cross join lateral (select "
                      + COLUMNS
                      + " from %1$s.post p join %1$s.post_moderation m on m.post_id = p.id"
                      + " left join %1$s.account a on a.id = p.author_id"
                      + " where p.id = c.id and "
                      + VISIBLE
                      + ") x"
                      + order("x.id", page)
                      + " limit $2";
              return pool.preparedQuery(sql.formatted(s))
                  .execute(args(params.toArray()))
                  .map(r -> posts(r, page));
            });
  }

  private static String range(String column, PageRequest page, List<Object> params) {
    StringBuilder where = new StringBuilder();
    if (page.maxId() != null) {
      params.add(page.maxId());
      where.append(" and ").append(column).append(" < $").append(params.size());
    }
    if (page.sinceId() != null) {
      params.add(page.sinceId());
      where.append(" and ").append(column).append(" > $").append(params.size());
    }
    if (page.minId() != null) {
      params.add(page.minId());
      where.append(" and ").append(column).append(" > $").append(params.size());
    }
    return where.toString();
  }

  private static String order(String column, PageRequest page) {
    return " order by " + column + (page.ascending() ? " asc" : " desc");
  }

  private static AccountRow author(Row row) {
    UUID id = row.getUUID(11);
    if (id == null) {
      return null;
    }
    String ct = row.getString(16);
    return new AccountRow(
        id,
        row.getString(12),
        Sql.instant(row.getOffsetDateTime(13)),
        ct == null ? null : new EncryptedContent(row.getString(14), row.getString(15), ct));
  }

  private static List<PostRow> posts(RowSet<Row> rows, PageRequest page) {
    List<PostRow> posts = new ArrayList<>(rows.size());
    for (Row row : rows) {
      posts.add(
          new PostRow(
              row.getUUID(0),
              row.getUUID(1),
              Sql.instant(row.getOffsetDateTime(2)),
              row.getUUID(3),
              row.getString(4),
              row.getString(5),
              row.getString(6),
              row.getString(7),
              row.getString(8),
              Sql.instant(row.getOffsetDateTime(9)),
              Boolean.TRUE.equals(row.getBoolean(10)),
              author(row)));
    }
    if (page.ascending()) {
      Collections.reverse(posts);
    }
    return posts;
  }
}
