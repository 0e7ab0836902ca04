package org.agora.timeline.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agora.events.EncryptedContent;
import org.agora.events.crypto.CryptoException;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.kit.mastodon.MastodonStatus;
import org.agora.timeline.config.AccountKeys;
import org.agora.timeline.projection.AccountRow;
import org.agora.timeline.projection.PostRow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens projected posts in memory and renders Mastodon statuses with their authors from the
 * accounts projection. A post whose key this instance does not hold (shredded, or not yet read) is
 * left out: without its key it has no content. A profile whose key was shredded shows only the
 * handle; an account not (yet) projected is named by its id. The authors come with the rows.
 */
@ApplicationScoped
public class StatusRenderer {
  private final ContentKeyRing keys;
  private final ContentKeyRing accountKeys;
  private final String publicUrl;

  public StatusRenderer(
      ContentKeyRing keys,
      @AccountKeys ContentKeyRing accountKeys,
      @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.keys = keys;
    this.accountKeys = accountKeys;
    this.publicUrl = publicUrl;
  }

  public List<MastodonStatus> render(List<PostRow> rows) {
    List<MastodonStatus> statuses = new ArrayList<>(rows.size());
    for (PostRow row : rows) {
      String id = row.id().toString();
      var key = keys.find(row.id());
      if (key.isEmpty()) {
        continue;
      }
      String text;
      try {
        text =
            key.get()
                .open(
                    new EncryptedContent(
                        row.contentAlg(), row.contentNonce(), row.contentCiphertext()),
                    id);
      } catch (CryptoException e) {
        continue;
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
      statuses.add(row.sensitive() ? sensitive(status) : status);
    }
    return statuses;
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
