package org.agora.timeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.agora.events.EncryptedContent;
import org.agora.events.crypto.CryptoException;
import org.agora.events.crypto.DataKey;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.kit.mastodon.MastodonStatus;
import org.agora.timeline.config.AccountKeys;
import org.agora.timeline.projection.AccountRow;
import org.agora.timeline.projection.PostRow;
import org.agora.timeline.projection.RenderedStatuses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens projected posts in memory and renders Mastodon statuses with their authors from the
 * accounts projection. A post whose key this instance does not hold (shredded, or not yet read) is
 * left out: without its key it has no content. A profile whose key was shredded shows only the
 * handle; an account not (yet) projected is named by its id. The authors come with the rows. Each
 * status is rendered once per version of its row ({@link RenderedStatuses}) and a page is the
 * concatenation of the rendered JSON.
 */
@ApplicationScoped
public class StatusRenderer {
  private final ContentKeyRing keys;
  private final ContentKeyRing accountKeys;
  private final RenderedStatuses rendered;
  private final ObjectMapper mapper;
  private final String publicUrl;

  public StatusRenderer(
      ContentKeyRing keys,
      @AccountKeys ContentKeyRing accountKeys,
      RenderedStatuses rendered,
      ObjectMapper mapper,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    // NOTE: the rings are looked up for every row; their client proxies would add a context
    // look-up to each.
    this.keys = ClientProxy.unwrap(keys);
    this.accountKeys = ClientProxy.unwrap(accountKeys);
    this.rendered = rendered;
    this.mapper = mapper;
    this.publicUrl = publicUrl;
  }

  /** The time before the rows were read, for {@link #page}. */
  public long stamp() {
    return rendered.stamp();
  }

  /** The statuses of rows read after {@code stamp}, as one JSON array. */
  public StatusPage page(List<PostRow> rows, long stamp) {
    byte[][] parts = new byte[rows.size()][];
    int count = 0;
    int bytes = 2;
    String newest = null;
    String oldest = null;
    for (PostRow row : rows) {
      boolean profileOpened = profileKeyHeld(row);
      // NOTE: a hit needs no look-up in the post key ring: a key's tombstone evicts its post, and
      // a rendering that raced with it is not kept (RenderedStatuses.put).
      byte[] json = rendered.find(row, profileOpened);
      if (json == null) {
        var key = keys.find(row.id());
        MastodonStatus status = key.isEmpty() ? null : status(row, key.get());
        if (status == null) {
          continue;
        }
        json = json(status);
        rendered.put(row, profileOpened, json, stamp);
      }
      String id = row.id().toString();
      if (newest == null) {
        newest = id;
      }
      oldest = id;
      parts[count++] = json;
      bytes += json.length + 1;
    }
    byte[] body = new byte[count == 0 ? 2 : bytes - 1];
    int at = 0;
    body[at++] = '[';
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      System.arraycopy(parts[i], 0, body, at, parts[i].length);
      at += parts[i].length;
    }
    body[at] = ']';
    return new StatusPage(body, newest, oldest);
  }

  private boolean profileKeyHeld(PostRow row) {
    AccountRow a = row.author();
    return a != null
        && a.handle() != null
        && a.displayName() != null
        && accountKeys.find(a.id()).isPresent();
  }

  private MastodonStatus status(PostRow row, DataKey key) {
    String id = row.id().toString();
    String text;
    try {
      text =
          key.open(
              new EncryptedContent(row.contentAlg(), row.contentNonce(), row.contentCiphertext()),
              id);
    } catch (CryptoException e) {
      return null;
    }
    MastodonStatus status =
        MastodonStatus.of(
            id,
            row.publishedAt(),
            row.editedAt(),
            row.inReplyToId() == null ? null : row.inReplyToId().toString(),
            row.visibility(),
            row.language(),
            text,
            account(row.authorId(), row.author()),
            List.of(),
            publicUrl);
    return row.sensitive() ? sensitive(status) : status;
  }

  private byte[] json(MastodonStatus status) {
    try {
      return mapper.writeValueAsBytes(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise status " + status.id(), e);
    }
  }

  MastodonAccount account(UUID id, AccountRow row) {
    if (row == null || row.handle() == null) {
      return MastodonAccount.minimal(id.toString(), id.toString(), null, publicUrl);
    }
    var account =
        MastodonAccount.minimal(id.toString(), row.handle(), row.registeredAt(), publicUrl);
    String displayName = displayName(row);
    if (displayName == null) {
      return account;
    }
    return new MastodonAccount(
        account.id(),
        account.username(),
        account.acct(),
        displayName,
        account.locked(),
        account.bot(),
        account.discoverable(),
        account.group(),
        account.createdAt(),
        account.note(),
        account.url(),
        account.uri(),
        account.avatar(),
        account.avatarStatic(),
        account.header(),
        account.headerStatic(),
        account.followersCount(),
        account.followingCount(),
        account.statusesCount(),
        account.lastStatusAt(),
        account.emojis(),
        account.fields());
  }

  private String displayName(AccountRow row) {
    if (row.displayName() == null) {
      return null;
    }
    var key = accountKeys.find(row.id());
    if (key.isEmpty()) {
      return null;
    }
    try {
      return key.get().open(row.displayName(), row.id().toString());
    } catch (CryptoException e) {
      return null;
    }
  }

  private static MastodonStatus sensitive(MastodonStatus s) {
    return new MastodonStatus(
        s.id(),
        s.createdAt(),
        s.inReplyToId(),
        s.inReplyToAccountId(),
        true,
        s.spoilerText(),
        s.visibility(),
        s.language(),
        s.uri(),
        s.url(),
        s.repliesCount(),
        s.reblogsCount(),
        s.favouritesCount(),
        s.editedAt(),
        s.favourited(),
        s.reblogged(),
        s.muted(),
        s.bookmarked(),
        s.pinned(),
        s.content(),
        s.reblog(),
        s.application(),
        s.account(),
        s.mediaAttachments(),
        s.mentions(),
        s.tags(),
        s.emojis(),
        s.card(),
        s.poll(),
        s.text());
  }
}
