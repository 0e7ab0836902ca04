package org.agora.timeline.projection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.moderation.PostUnlabeled;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;

/**
 * Statuses as served (JSON, plaintext inside), by post id, so a post read by many followers is
 * opened and serialised once. An entry answers only a row of the version it was rendered from
 * (sealed content, edit, label, the author's handle and sealed display name, whether the profile
 * key was at hand), so no change is ever served stale; whether a post may be shown is decided by
 * the query, never here. Evictions on the events that change or withdraw a post or its author, and
 * on key tombstones, keep plaintext from outliving its key or its post. Bounded by bytes and age.
 */
public final class RenderedStatuses {
  private static final int ENTRY_OVERHEAD = 256;

  private final Cache<UUID, Entry> cache;
  private final AtomicLong evictions = new AtomicLong();

  public RenderedStatuses(long maxBytes, Duration maxAge) {
    this(maxBytes, maxAge, Ticker.systemTicker());
  }

  RenderedStatuses(long maxBytes, Duration maxAge, Ticker ticker) {
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((UUID id, Entry e) -> e.json.length + ENTRY_OVERHEAD)
            .expireAfterWrite(maxAge)
            .executor(Runnable::run)
            .ticker(ticker)
            .build();
  }

  /**
   * Taken before the rows are read: an entry rendered from rows read before an eviction is not kept
   * (see {@link #put}).
   */
  public long stamp() {
    return evictions.get();
  }

  /** The status rendered from this very version of the row, or null. */
  public byte[] find(PostRow row, boolean profileOpened) {
    Entry e = cache.getIfPresent(row.id());
    return e != null && e.renders(row, profileOpened) ? e.json : null;
  }

  /**
   * Keeps a rendering of rows read at {@code stamp}. NOTE: an eviction since then may have missed
   * it (the rows predate a deletion or a shredded key), so it is dropped again; the eviction bumps
   * the counter before it removes, so one of the two always removes it.
   */
  public void put(PostRow row, boolean profileOpened, byte[] json, long stamp) {
    if (evictions.get() != stamp) {
      return;
    }
    cache.put(row.id(), new Entry(row, profileOpened, json));
    if (evictions.get() != stamp) {
      cache.invalidate(row.id());
    }
  }

  public void evictPost(UUID post) {
    evictions.incrementAndGet();
    cache.invalidate(post);
  }

  public void evictAuthors(Set<UUID> authors) {
    if (authors.isEmpty()) {
      return;
    }
    evictions.incrementAndGet();
    cache.asMap().values().removeIf(e -> authors.contains(e.authorId));
  }

  public void clear() {
    evictions.incrementAndGet();
    cache.invalidateAll();
  }

  /**
   * Evicts what a projected batch changed or withdrew: the posts edited, deleted, removed, held,
   * labeled or unlabeled (or restored), and every post of authors who registered, changed their
   * profile, were suspended or erased. A cleared verdict, a reinstatement, follows and blocks
   * change no rendering.
   */
  public void evictFor(List<LogEntry> entries) {
    Set<UUID> posts = new HashSet<>();
    Set<UUID> authors = new HashSet<>();
    for (LogEntry entry : entries) {
      switch (entry.event()) {
        case PostEdited e -> posts.add(e.postId().value());
        case PostDeleted e -> posts.add(e.postId().value());
        case PostRemoved e -> posts.add(e.postId().value());
        case PostRestored e -> posts.add(e.postId().value());
        case PostLabeled e -> posts.add(e.postId().value());
        case PostUnlabeled e -> posts.add(e.postId().value());
        case PostScreened e when !"cleared".equals(e.verdict()) -> posts.add(e.postId().value());
        case AccountRegistered e -> authors.add(e.accountId().value());
        case AccountProfileChanged e -> authors.add(e.accountId().value());
        case AccountSuspended e -> authors.add(e.accountId().value());
        case AccountErased e -> authors.add(e.accountId().value());
        case null, default -> {}
      }
    }
    posts.forEach(this::evictPost);
    evictAuthors(authors);
  }

  public boolean holds(UUID post) {
    return cache.getIfPresent(post) != null;
  }

  /** Whether any entry still contains this text (for tests of shredding). */
  public boolean holdsText(String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    return cache.asMap().values().stream().anyMatch(e -> contains(e.json, needle));
  }

  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static final class Entry {
    final UUID authorId;
    final String contentNonce;
    final Instant editedAt;
    final String language;
    final boolean sensitive;
    final String handle;
    final Instant registeredAt;
    final String displayNonce;
    final boolean profileOpened;
    final byte[] json;

    Entry(PostRow row, boolean profileOpened, byte[] json) {
      this.authorId = row.authorId();
      this.contentNonce = row.contentNonce();
      this.editedAt = row.editedAt();
      this.language = row.language();
      this.sensitive = row.sensitive();
      AccountRow a = row.author();
      this.handle = a == null ? null : a.handle();
      this.registeredAt = a == null ? null : a.registeredAt();
      this.displayNonce = a == null || a.displayName() == null ? null : a.displayName().nonce();
      this.profileOpened = profileOpened;
      this.json = json;
    }

    boolean renders(PostRow row, boolean profileOpened) {
      AccountRow a = row.author();
      return this.profileOpened == profileOpened
          && sensitive == row.sensitive()
          && Objects.equals(contentNonce, row.contentNonce())
          && Objects.equals(editedAt, row.editedAt())
          && Objects.equals(language, row.language())
          && Objects.equals(authorId, row.authorId())
          && Objects.equals(handle, a == null ? null : a.handle())
          && Objects.equals(registeredAt, a == null ? null : a.registeredAt())
          && Objects.equals(
              displayNonce, a == null || a.displayName() == null ? null : a.displayName().nonce());
    }
  }
}
