package org.agora.timeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.PostDeleted;
import org.agora.events.relationships.AccountFollowed;
import org.junit.jupiter.api.Test;

class RenderedStatusesTest {
  private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");
  private static final long MB = 1 << 20;

  private final AtomicLong nanos = new AtomicLong();
  private final RenderedStatuses cache =
      new RenderedStatuses(MB, Duration.ofMinutes(10), nanos::get);

  @Test
  void anEntryAnswersOnlyTheVersionOfTheRowItWasRenderedFrom() {
    UUID author = UUID.randomUUID();
    PostRow row = row(UUID.randomUUID(), author, "n1", false, "ada", "d1");
    put(row, true, "hello");

    assertThat(text(cache.find(row, true))).isEqualTo("hello");
    assertThat(cache.find(row, false)).as("profile key since shredded or arrived").isNull();
    assertThat(cache.find(with(row, "n2", false, "ada", "d1"), true)).as("edited").isNull();
    assertThat(cache.find(with(row, "n1", true, "ada", "d1"), true)).as("labeled").isNull();
    assertThat(cache.find(with(row, "n1", false, "ada", "d2"), true)).as("renamed").isNull();
    assertThat(cache.find(with(row, "n1", false, "bob", "d1"), true)).as("new handle").isNull();
    assertThat(cache.find(with(row, "n1", false, "ada", null), true))
        .as("profile shredded")
        .isNull();
    PostRow unknownAuthor =
        new PostRow(
            row.id(), author, AT, null, "en", "public", "A256GCM", "n1", "c", null, false, null);
    assertThat(cache.find(unknownAuthor, true)).isNull();
  }

  @Test
  void aRenderingOfRowsReadBeforeAnEvictionIsNotKept() {
    PostRow row = row(UUID.randomUUID(), UUID.randomUUID(), "n1", false, "ada", null);
    long before = cache.stamp();
    cache.evictPost(UUID.randomUUID());
    cache.put(row, false, bytes("stale"), before);
    assertThat(cache.holds(row.id())).isFalse();

    put(row, false, "fresh");
    cache.evictPost(row.id());
    assertThat(cache.holds(row.id())).isFalse();
    assertThat(cache.holdsText("fresh")).isFalse();
  }

  @Test
  void aBatchEvictsThePostsItWithdrawsAndEveryPostOfAuthorsItChanges() {
    UUID author = UUID.randomUUID();
    UUID erased = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    PostRow deleted = put(row(UUID.randomUUID(), other, "n", false, "o", null), false, "deleted");
    PostRow held = put(row(UUID.randomUUID(), other, "n", false, "o", null), false, "held");
    PostRow cleared = put(row(UUID.randomUUID(), other, "n", false, "o", null), false, "cleared");
    PostRow suspended1 = put(row(UUID.randomUUID(), author, "n", false, "a", null), false, "s1");
    PostRow suspended2 = put(row(UUID.randomUUID(), author, "n", false, "a", null), false, "s2");
    PostRow gone = put(row(UUID.randomUUID(), erased, "n", false, "e", null), false, "gone");

    cache.evictFor(
        entries(
            new PostDeleted(new PostId(deleted.id()), new AccountId(other), List.of(), AT),
            screened(held.id(), PostScreened.HELD),
            screened(cleared.id(), PostScreened.CLEARED),
            new AccountSuspended(new AccountId(author), UUID.randomUUID(), null, AT, null),
            new AccountErased(new AccountId(erased), AT),
            new AccountFollowed(new AccountId(other), new AccountId(author), AT)));

    assertThat(cache.holds(deleted.id())).isFalse();
    assertThat(cache.holds(held.id())).isFalse();
    assertThat(cache.holds(suspended1.id())).isFalse();
    assertThat(cache.holds(suspended2.id())).isFalse();
    assertThat(cache.holds(gone.id())).isFalse();
    assertThat(cache.holds(cleared.id())).as("a cleared verdict changes no rendering").isTrue();
    assertThat(cache.holdsText("gone")).isFalse();
  }

  @Test
  void boundedByBytesAndByAge() {
    String kilobyte = "x".repeat(1024);
    for (int i = 0; i < 2_000; i++) {
      put(row(UUID.randomUUID(), UUID.randomUUID(), "n", false, "h", null), false, kilobyte);
    }
    assertThat(cache.size()).isBetween(100L, MB / 1024);

    PostRow row = put(row(UUID.randomUUID(), UUID.randomUUID(), "n", false, "h", null), false, "x");
    nanos.addAndGet(Duration.ofMinutes(11).toNanos());
    assertThat(cache.find(row, false)).isNull();
    assertThat(cache.size()).isZero();
  }

  private PostRow put(PostRow row, boolean profileOpened, String json) {
    cache.put(row, profileOpened, bytes(json), cache.stamp());
    return row;
  }

  private static PostRow row(
      UUID id, UUID author, String nonce, boolean sensitive, String handle, String displayNonce) {
    return with(
        new PostRow(
            id,
            author,
            AT,
            null,
            "en",
            "public",
            "A256GCM",
            nonce,
            "c",
            null,
            sensitive,
            new AccountRow(author, handle, AT, null)),
        nonce,
        sensitive,
        handle,
        displayNonce);
  }

  private static PostRow with(
      PostRow row, String nonce, boolean sensitive, String handle, String displayNonce) {
    AccountRow author =
        new AccountRow(
            row.authorId(),
            handle,
            AT,
            displayNonce == null ? null : new EncryptedContent("A256GCM", displayNonce, "d"));
    return new PostRow(
        row.id(),
        row.authorId(),
        row.publishedAt(),
        row.inReplyToId(),
        row.language(),
        row.visibility(),
        row.contentAlg(),
        nonce,
        row.contentCiphertext(),
        row.editedAt(),
        sensitive,
        author);
  }

  private static PostScreened screened(UUID post, String verdict) {
    return new PostScreened(
        UUID.randomUUID(), new PostId(post), verdict, 0.1, List.of(), "test", AT, AT);
  }

  private static List<LogEntry> entries(AgoraEvent... events) {
    List<LogEntry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      entries.add(new LogEntry("t", 0, i, events[i]));
    }
    entries.add(new LogEntry("t", 0, events.length, null));
    return entries;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
