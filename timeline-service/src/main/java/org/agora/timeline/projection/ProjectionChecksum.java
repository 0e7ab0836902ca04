package org.agora.timeline.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.timeline.config.AccountKeys;

/**
 * A deterministic digest of what the projection says: posts with moderation's word, accounts, the
 * graph and erasures. Order-free (a sum of row hashes), so equal states give equal checksums
 * whatever order they were built in. Home entries are left out: which recent posts a follow copied
 * in depends on when it was applied, while everything a home page shows is drawn from the parts
 * covered. Posts and profiles count only while their key is held: once shredded they are gone here,
 * whether or not a replay still finds the ciphertext.
 */
@ApplicationScoped
public class ProjectionChecksum {
  private final Pool pool;
  private final Generations generations;
  private final ContentKeyRing postKeys;
  private final ContentKeyRing accountKeys;

  public ProjectionChecksum(
      Pool pool,
      Generations generations,
      ContentKeyRing postKeys,
      @AccountKeys ContentKeyRing accountKeys) {
    this.pool = pool;
    this.generations = generations;
    this.postKeys = postKeys;
    this.accountKeys = accountKeys;
  }

  public record Checksum(int generation, String value, Map<String, Long> counts) {}

  public Uni<Checksum> compute() {
    return generations.active().chain(g -> compute(g));
  }

  public Uni<Checksum> compute(int generation) {
    String s = Generations.schema(generation);
    Map<String, Part> parts = new LinkedHashMap<>();
    String posts =
        ("select p.id, %2$s from %1$s.post p left join %1$s.post_moderation m on m.post_id = p.id")
            .formatted(
                s,
                hash(
                    "concat_ws('|', p.id, p.author_id, p.published_at, p.in_reply_to_id,"
                        + " p.language, p.visibility, p.content_alg, p.content_nonce,"
                        + " p.content_ciphertext, p.edited_at, m.verdict, m.screened_at,"
                        + " m.removed_at, m.sensitive)"));
    String accounts =
        ("select id, %2$s, %3$s from %1$s.account")
            .formatted(
                s,
                hash(
                    "concat_ws('|', id, handle, registered_at, state, suspended_until,"
                        + " state_changed_at)"),
                hash(
                    "concat_ws('|', display_alg, display_nonce, display_ciphertext, note_alg,"
                        + " note_nonce, note_ciphertext, profile_changed_at)"));
    return pool.withTransaction(
            conn ->
                stream(
                        conn,
                        posts,
                        row -> {
                          if (postKeys.find(row.getUUID(0)).isPresent()) {
                            parts.computeIfAbsent("posts", k -> new Part()).add(row.getLong(1));
                          }
                        })
                    .chain(
                        () ->
                            stream(
                                conn,
                                accounts,
                                row -> {
                                  Part part = parts.computeIfAbsent("accounts", k -> new Part());
                                  part.add(row.getLong(1));
                                  if (accountKeys.find(row.getUUID(0)).isPresent()) {
                                    part.sum += row.getLong(2);
                                  }
                                }))
                    .chain(
                        () ->
                            aggregate(
                                conn,
                                parts,
                                "follows",
                                "select count(*), coalesce(sum(%2$s), 0)::text from %1$s.follow"
                                    .formatted(
                                        s,
                                        hash("concat_ws('|', follower_id, followed_id, since)"))))
                    .chain(
                        () ->
                            aggregate(
                                conn,
                                parts,
                                "blocks",
                                "select count(*), coalesce(sum(%2$s), 0)::text from %1$s.block"
                                    .formatted(s, hash("concat_ws('|', blocker_id, blocked_id)"))))
                    .chain(
                        () ->
                            aggregate(
                                conn,
                                parts,
                                "erased",
                                "select count(*), coalesce(sum(%2$s), 0)::text from %1$s.erased_account"
                                    .formatted(s, hash("id::text")))))
        .map(x -> digest(generation, parts));
  }

  private static String hash(String expression) {
    return "('x' || substr(md5(" + expression + "), 1, 15))::bit(60)::bigint";
  }

  private static Uni<Void> stream(
      io.vertx.mutiny.sqlclient.SqlConnection conn,
      String sql,
      java.util.function.Consumer<Row> each) {
    return conn.prepare(sql)
        .onItem()
        .transformToMulti(statement -> statement.createStream(2000).toMulti())
        .onItem()
        .invoke(each)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static Uni<Void> aggregate(
      io.vertx.mutiny.sqlclient.SqlConnection conn,
      Map<String, Part> parts,
      String name,
      String sql) {
    return conn.query(sql)
        .execute()
        .invoke(
            rows -> {
              Row row = rows.iterator().next();
              Part part = parts.computeIfAbsent(name, k -> new Part());
              part.count = row.getLong(0);
              part.text = row.getString(1);
            })
        .replaceWithVoid();
  }

  private static Checksum digest(int generation, Map<String, Part> parts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (String name : new String[] {"posts", "accounts", "follows", "blocks", "erased"}) {
      Part part = parts.getOrDefault(name, new Part());
      counts.put(name, part.count);
      text.append(name)
          .append(':')
          .append(part.count)
          .append(':')
          .append(part.text != null ? part.text : Long.toHexString(part.sum))
          .append(';');
    }
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return new Checksum(generation, HexFormat.of().formatHex(sha), counts);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Part {
    long count;
    long sum;
    String text;

    void add(long hash) {
      count++;
      sum += hash;
    }
  }
}
