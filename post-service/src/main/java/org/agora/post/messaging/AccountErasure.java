package org.agora.post.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.agora.events.AccountId;
import org.agora.events.EventEnvelope;
import org.agora.events.PostId;
import org.agora.events.accounts.AccountErased;
import org.agora.events.posts.PostDeleted;
import org.agora.kit.keys.ContentKeyRing;
import org.agora.kit.messaging.InTurn;
import org.agora.post.projection.PostStore;
import org.agora.post.projection.StoredPost;
import org.agora.post.storage.MediaStore;

/**
 * Shreds everything an erased account still has: each post is deleted as its author would (keys
 * tombstoned, {@link PostDeleted} appended, by the system), and unattached uploads lose their keys
 * and files. Replaying the erasure finds nothing left to do.
 */
@ApplicationScoped
public class AccountErasure {
  private static final String ACTOR = EventEnvelope.systemActor("post-service");

  private final PostStore store;
  private final PostLog log;
  private final ContentKeyRing keys;
  private final MediaStore media;
  private final Clock clock;

  public AccountErasure(
      PostStore store, PostLog log, ContentKeyRing keys, MediaStore media, Clock clock) {
    this.store = store;
    this.log = log;
    this.keys = keys;
    this.media = media;
    this.clock = clock;
  }

  public Uni<Void> erase(AccountErased event) {
    AccountId account = event.accountId();
    return store
        .postsBy(account.value())
        .chain(posts -> InTurn.each(posts, post -> delete(account, post)))
        .chain(() -> store.unattachedMediaOf(account.value()))
        .chain(
            uploads ->
                InTurn.each(
                    uploads,
                    upload ->
                        log.shredMedia(upload.id)
                            .invoke(() -> keys.shred(upload.id))
                            .chain(() -> store.purgeMedia(upload.id))
                            .chain(() -> media.delete(upload.id))));
  }

  private Uni<Void> delete(AccountId account, StoredPost post) {
    var deleted = new PostDeleted(new PostId(post.id), account, post.media(), clock.instant());
    return log.appendDeleted(deleted, ACTOR)
        .chain(() -> store.apply(deleted))
        .invoke(
            () -> {
              keys.shred(post.id);
              post.media().forEach(keys::shred);
            })
        .chain(() -> InTurn.each(post.media(), media::delete));
  }
}
