package org.agora.post.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The checks in front of every publish, one SQL statement each on the reactive pool: they run on
 * every request, so they skip the ORM session that the rest of the store opens.
 */
@ApplicationScoped
public class SpeakerGate {
  /** Whether an account is suspended (until when; null: permanently) or awaits approval. */
  public record Standing(boolean suspended, Instant suspendedUntil, boolean pendingApproval) {
    public boolean suspendedAt(Instant now) {
      return suspended && (suspendedUntil == null || suspendedUntil.isAfter(now));
    }
  }

  private static final String STANDING =
      """
      select s.account_id is not null as suspended, s.until,
        exists (select 1 from account_pending p where p.account_id = a.id) as pending
      from (select $1::uuid as id) a left join account_suspension s on s.account_id = a.id
      """;

  // NOTE: as the former three statements in one transaction: rows that left the window are
  // pruned, and a slot is recorded only while fewer than the limit remain in it.
  private static final String TAKE_SLOT =
      """
      with pruned as (
        delete from publish_record where author_id = $1 and published_at < $2
      ), recent as (
        select count(*) as n from publish_record where author_id = $1 and published_at >= $2
      )
      insert into publish_record (id, author_id, published_at)
      select $3, $1, $4 from recent where n < $5
      returning id
      """;

  /** A speaker's standing, and whether a publish slot was taken (only when it may speak). */
  public record Admission(Standing standing, boolean slotTaken) {}

  // NOTE: both of the above in one round trip for a publish without media: the slot is taken
  // only when the standing lets the account speak at $4.
  private static final String ADMIT =
      "with standing as ("
          + STANDING
          + """
      ), pruned as (
        delete from publish_record where author_id = $1 and published_at < $2
      ), recent as (
        select count(*) as n from publish_record where author_id = $1 and published_at >= $2
      ), taken as (
        insert into publish_record (id, author_id, published_at)
        select $3, $1, $4 from recent, standing
        where n < $5 and not pending and not (suspended and (until is null or until > $4))
        returning id
      )
      select suspended, until, pending, exists (select 1 from taken) as taken from standing
      """;

  private final Pool pool;

  public SpeakerGate(Pool pool) {
    this.pool = pool;
  }

  public Uni<Standing> standing(UUID account) {
    return pool.preparedQuery(STANDING)
        .execute(Tuple.of(account))
        .map(rows -> standing(rows.iterator().next()));
  }

  /** {@link #standing} and {@link #takePublishSlot} at once; a slot only for who may speak. */
  public Uni<Admission> admit(UUID author, Instant now, Instant since, long limit) {
    return pool.preparedQuery(ADMIT)
        .execute(Tuple.of(author, at(since), UUID.randomUUID(), at(now), limit))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Admission(standing(row), row.getBoolean("taken"));
            });
  }

  private static Standing standing(Row row) {
    OffsetDateTime until = row.getOffsetDateTime("until");
    return new Standing(
        row.getBoolean("suspended"),
        until == null ? null : until.toInstant(),
        row.getBoolean("pending"));
  }

  /**
   * Records one publish of {@code author} at {@code now} if fewer than {@code limit} were recorded
   * since {@code since}; true when the publish may go.
   */
  public Uni<Boolean> takePublishSlot(UUID author, Instant now, Instant since, long limit) {
    return pool.preparedQuery(TAKE_SLOT)
        .execute(Tuple.of(author, at(since), UUID.randomUUID(), at(now), limit))
        .map(rows -> rows.size() == 1);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
