package org.agora.identity.lifecycle;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.agora.events.AccountId;
import org.agora.events.crypto.DataKey;
import org.agora.identity.domain.profile.ProfileEditor;
import org.agora.identity.messaging.graph.IdentityLog;
import org.agora.identity.projection.IdentityStore;
import org.agora.identity.projection.ProjectedAccount;
import org.agora.kit.api.ApiException;
import org.agora.kit.keys.ContentKeyRing;

/**
 * An account's profile data key: from the in-memory ring, or issued once (appended to {@code
 * identity.account-keys} before anything is sealed under it). If the projection says a key was
 * issued but this instance has not read it yet, the caller is asked to retry rather than given a
 * second key that would make the first profile unreadable.
 */
@ApplicationScoped
public class ProfileKeys {
  private final ContentKeyRing ring;
  private final ProfileEditor editor;
  private final IdentityLog log;
  private final IdentityStore store;

  public ProfileKeys(
      ContentKeyRing ring, ProfileEditor editor, IdentityLog log, IdentityStore store) {
    this.ring = ring;
    this.editor = editor;
    this.log = log;
    this.store = store;
  }

  public Uni<DataKey> keyOf(ProjectedAccount account) {
    var known = ring.find(account.id);
    if (known.isPresent()) {
      return Uni.createFrom().item(known.get());
    }
    if (account.keyIssued) {
      throw new ApiException(503, "The profile is being loaded, try again in a moment");
    }
    AccountId id = new AccountId(account.id);
    var issued = editor.issueKey(id);
    return log.appendKey(issued.record(), Instant.now(), id.toString())
        .invoke(() -> ring.put(account.id, issued.key()))
        .chain(() -> store.keyIssued(account.id))
        .replaceWith(issued.key());
  }
}
