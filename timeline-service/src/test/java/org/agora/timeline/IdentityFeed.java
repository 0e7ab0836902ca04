package org.agora.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EventCodec;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountKeyIssued;
import org.agora.events.accounts.AccountProfileChanged;
import org.agora.events.accounts.AccountRegistered;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.crypto.DataKey;
import org.agora.events.moderation.PostLabeled;
import org.agora.events.moderation.StatementOfReasons;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.testing.KafkaTopicProbe;

/** Feeds what identity-service (and moderation's labels) would append, as these tests need. */
final class IdentityFeed {
  private IdentityFeed() {}

  static AccountId account(String id) {
    return new AccountId(UUID.fromString(id));
  }

  static void follow(AccountId follower, AccountId followed) {
    follow(follower, followed, UUID.randomUUID());
  }

  static void follow(AccountId follower, AccountId followed, UUID eventId) {
    send("follows", new AccountFollowed(follower, followed, Instant.now()), follower, eventId);
  }

  static void unfollow(AccountId follower, AccountId followed) {
    send("follows", new AccountUnfollowed(follower, followed, Instant.now()), follower);
  }

  static void block(AccountId blocker, AccountId blocked) {
    send("follows", new AccountBlocked(blocker, blocked, Instant.now()), blocker);
  }

  static void unblock(AccountId blocker, AccountId blocked) {
    send("follows", new AccountUnblocked(blocker, blocked, Instant.now()), blocker);
  }

  static void register(AccountId account, String handle) {
    send(
        "accounts",
        new AccountRegistered(account, handle, AccountRegistered.ACTIVE, Instant.now()),
        account);
  }

  /** Issues the account's data key (as identity does once) and seals the display name with it. */
  static void displayName(AccountId account, String displayName) {
    DataKey key = DataKey.generate();
    var kek = PostFeed.kek();
    var issued = new AccountKeyIssued(account, kek.id(), kek.wrap(key));
    KafkaTopicProbe.sendEvent(
        PostFeed.topic("account-keys"),
        account.toString(),
        AccountKeyIssued.TYPE,
        EventCodec.encode(issued));
    send(
        "accounts",
        new AccountProfileChanged(
            account, key.seal(displayName, account.toString()), null, Instant.now()),
        account);
  }

  static void shredProfile(AccountId account) {
    KafkaTopicProbe.send(PostFeed.topic("account-keys"), account.toString(), null, Map.of());
  }

  static void suspend(AccountId account, Instant until) {
    send(
        "accounts",
        new AccountSuspended(account, UUID.randomUUID(), until, Instant.now()),
        account);
  }

  static void reinstate(AccountId account) {
    send("accounts", new AccountReinstated(account, UUID.randomUUID(), Instant.now()), account);
  }

  static void erase(AccountId account) {
    send("accounts", new AccountErased(account, Instant.now()), account);
  }

  static void label(PostPublished post) {
    PostFeed.decide(
        new PostLabeled(UUID.randomUUID(), post.postId(), reasons(), Instant.now()), post.postId());
  }

  static void unlabel(PostPublished post) {
    PostFeed.decide(
        new org.agora.events.moderation.PostUnlabeled(
            UUID.randomUUID(), post.postId(), reasons(), Instant.now()),
        post.postId());
  }

  private static StatementOfReasons reasons() {
    return new StatementOfReasons(
        "system:test",
        "violence",
        StatementOfReasons.INCOMPATIBLE_WITH_TERMS,
        "graphic-content",
        null,
        "shown behind a warning",
        StatementOfReasons.SOURCE_MODERATOR,
        false,
        false,
        StatementOfReasons.FULL_REDRESS,
        null);
  }

  private static void send(String stream, AgoraEvent event, AccountId subject) {
    send(stream, event, subject, UUID.randomUUID());
  }

  private static void send(String stream, AgoraEvent event, AccountId subject, UUID eventId) {
    KafkaTopicProbe.sendEvent(
        PostFeed.topic(stream),
        subject.toString(),
        event.type(),
        EventCodec.encode(event),
        eventId);
  }
}
