package org.agora.timeline.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.agora.events.EncryptedContent;
import org.agora.events.PostId;
import org.agora.events.crypto.CryptoException;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.mastodon.MastodonAccount;
import org.agora.kit.mastodon.MastodonStatus;
import org.agora.timeline.projection.ProjectedPost;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens projected posts in memory and renders Mastodon statuses. A post whose key this instance
 * does not hold (shredded, or not yet read) is left out: without its key it has no content.
 */
@ApplicationScoped
public class StatusRenderer {
  private final ContentKeyRing keys;
  private final String publicUrl;

  public StatusRenderer(
      ContentKeyRing keys, @ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.keys = keys;
    this.publicUrl = publicUrl;
  }

  public List<MastodonStatus> render(List<ProjectedPost> rows) {
    List<MastodonStatus> statuses = new ArrayList<>(rows.size());
    for (ProjectedPost row : rows) {
      PostId id = new PostId(row.id);
      var key = keys.find(row.id);
      if (key.isEmpty()) {
        continue;
      }
      String text;
      try {
        text =
            key.get()
                .open(
                    new EncryptedContent(row.contentAlg, row.contentNonce, row.contentCiphertext),
                    id.toString());
      } catch (CryptoException e) {
        continue;
      }
      // TODO(#3): handle and display name come from the accounts projection once identity
      // publishes account events; until then the account is named by its id.
      var account =
          MastodonAccount.minimal(
              row.authorId.toString(), row.authorId.toString(), null, publicUrl);
      statuses.add(
          MastodonStatus.of(
              id.toString(),
              row.publishedAt,
              row.inReplyToId == null ? null : row.inReplyToId.toString(),
              row.visibility,
              row.language,
              text,
              account,
              publicUrl));
    }
    return statuses;
  }
}
