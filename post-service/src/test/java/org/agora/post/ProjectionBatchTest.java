package org.agora.post;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.AgoraEvent;
import org.agora.events.EncryptedContent;
import org.agora.events.EventCodec;
import org.agora.events.PostId;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountEvent;
import org.agora.events.moderation.ModerationDecision;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEvent;
import org.agora.events.posts.PostPublished;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The batched consumers against the real Kafka and PostgreSQL: redelivered and duplicated records
 * change nothing, and a batch is applied in log order.
 */
@QuarkusTest
class ProjectionBatchTest {
  @Inject Pool pool;

  @Test
  void aRedeliveredAndADuplicatedPublicationLeaveOneRowAndOneRevision() {
    String written =
        given()
            .auth()
            .oauth2(KeycloakTestRealm.verifiedUser("batched").accessToken())
            .contentType(ContentType.JSON)
            .body("{\"status\":\"written through\"}")
            .post("/api/v1/statuses")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    var appended =
        KafkaTopicProbe.records(
                PostEvent.TOPIC, r -> written.equals(r.key()), 1, Duration.ofSeconds(20))
            .getFirst();
    PostPublished logOnly = published();
    UUID logOnlyEvent = UUID.randomUUID();
    PostPublished marker = published();

    try (var producer = producer()) {
      var redelivered = new ProducerRecord<>(PostEvent.TOPIC, written, appended.value());
      appended.headers().forEach(h -> redelivered.headers().add(h));
      producer.send(redelivered);
      producer.send(record(PostEvent.TOPIC, logOnly, logOnlyEvent));
      producer.send(record(PostEvent.TOPIC, logOnly, logOnlyEvent));
      // NOTE: keyed like the redelivered record, so once it is applied that one was too.
      producer.send(record(PostEvent.TOPIC, written, marker, UUID.randomUUID()));
      producer.flush();
    }

    awaitStored(logOnly, marker);
    assertThat(count("stored_post", PostId.parse(written))).isEqualTo(1);
    assertThat(count("post_revision", PostId.parse(written))).isEqualTo(1);
    assertThat(count("post_revision", logOnly.postId())).isEqualTo(1);
  }

  @Test
  void aBatchIsAppliedInLogOrder() {
    PostPublished kept = published();
    PostPublished gone = published();
    PostPublished marker = published();
    try (var producer = producer()) {
      producer.send(record(PostEvent.TOPIC, kept, UUID.randomUUID()));
      producer.send(record(PostEvent.TOPIC, gone, UUID.randomUUID()));
      producer.send(
          record(
              PostEvent.TOPIC,
              new PostDeleted(gone.postId(), gone.authorId(), List.of(), Instant.now()),
              UUID.randomUUID()));
      producer.send(record(PostEvent.TOPIC, gone.postId().toString(), marker, UUID.randomUUID()));
      producer.flush();
    }
    awaitStored(kept, marker);
    assertThat(count("stored_post", gone.postId())).isZero();
    assertThat(count("post_revision", gone.postId())).isZero();

    try (var producer = producer()) {
      producer.send(record(ModerationDecision.TOPIC, screened(kept, PostScreened.CLEARED), null));
      producer.send(record(ModerationDecision.TOPIC, screened(kept, PostScreened.HELD), null));
      producer.flush();
    }
    // NOTE: applied the other way round, the post would end up cleared and this would time out.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(heldCount(kept.postId())).isEqualTo(1));
  }

  @Test
  void aShreddedKeyTakesThePostsRowsWithItEvenWhenRepeated() {
    PostPublished shredded = published();
    PostPublished kept = published();
    try (var producer = producer()) {
      producer.send(record(PostEvent.TOPIC, shredded, UUID.randomUUID()));
      producer.send(record(PostEvent.TOPIC, kept, UUID.randomUUID()));
      producer.flush();
    }
    awaitStored(shredded, kept);

    try (var producer = producer()) {
      String key = shredded.postId().toString();
      producer.send(new ProducerRecord<>(ContentKeyIssued.TOPIC, key, null));
      producer.send(new ProducerRecord<>(ContentKeyIssued.TOPIC, key, null));
      producer.send(
          new ProducerRecord<>(ContentKeyIssued.TOPIC, UUID.randomUUID().toString(), null));
      producer.flush();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(count("stored_post", shredded.postId())).isZero();
              assertThat(count("post_revision", shredded.postId())).isZero();
            });
    assertThat(count("stored_post", kept.postId())).isEqualTo(1);
  }

  /** Waits until every one of {@code posts} has its row. */
  /**
   * An account with thousands of posts is erased whole: the erasure deletes them one after the
   * other, which as a chain of thousands of steps overflowed the stack and left them all in place.
   */
  @Test
  void anAccountWithThousandsOfPostsIsErasedWhole() {
    AccountId author = new AccountId(UUID.randomUUID());
    int posts = 3_000;
    try (var producer = producer()) {
      for (int i = 0; i < posts; i++) {
        PostPublished post = published(author);
        producer.send(record(PostEvent.TOPIC, post, UUID.randomUUID()));
      }
      producer.flush();
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(() -> assertThat(postsBy(author)).isEqualTo(posts));

    try (var producer = producer()) {
      AccountErased erased = new AccountErased(author, Instant.now());
      producer.send(record(AccountEvent.TOPIC, author.toString(), erased, UUID.randomUUID()));
      producer.flush();
    }

    await()
        .atMost(Duration.ofSeconds(240))
        .untilAsserted(() -> assertThat(postsBy(author)).isZero());
  }

  private long postsBy(AccountId author) {
    return pool.preparedQuery("select count(*) from stored_post where author_id = $1")
        .execute(Tuple.of(author.value()))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  private void awaitStored(PostPublished... posts) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (PostPublished post : posts) {
                assertThat(count("stored_post", post.postId())).isEqualTo(1);
              }
            });
  }

  private long count(String table, PostId post) {
    String column = table.equals("stored_post") ? "id" : "post_id";
    return pool.preparedQuery("select count(*) from " + table + " where " + column + " = $1")
        .execute(Tuple.of(post.value()))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  private long heldCount(PostId post) {
    return pool.preparedQuery(
            "select count(*) from stored_post where id = $1 and held_at is not null")
        .execute(Tuple.of(post.value()))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }

  private static PostPublished published() {
    return published(new AccountId(UUID.randomUUID()));
  }

  private static PostPublished published(AccountId author) {
    return new PostPublished(
        new PostId(UUID.randomUUID()),
        author,
        new EncryptedContent(EncryptedContent.AES_256_GCM, "bm9uY2U", "Y2lwaGVy"),
        "en",
        null,
        "public",
        Instant.now(),
        null);
  }

  private static PostScreened screened(PostPublished post, String verdict) {
    return new PostScreened(
        UUID.randomUUID(),
        post.postId(),
        verdict,
        PostScreened.HELD.equals(verdict) ? 0.9 : 0.1,
        List.of(),
        "test",
        post.publishedAt(),
        Instant.now());
  }

  private static ProducerRecord<String, byte[]> record(
      String topic, AgoraEvent event, UUID eventId) {
    return record(topic, subject(event), event, eventId);
  }

  private static String subject(AgoraEvent event) {
    return switch (event) {
      case PostPublished p -> p.postId().toString();
      case PostDeleted d -> d.postId().toString();
      case PostScreened s -> s.postId().toString();
      case AccountErased e -> e.accountId().toString();
      default -> throw new IllegalArgumentException(event.type());
    };
  }

  /** A record as a service appends it, under {@code key} (which picks the partition). */
  private static ProducerRecord<String, byte[]> record(
      String topic, String key, AgoraEvent event, UUID eventId) {
    String subject = subject(event);
    var record = new ProducerRecord<>(topic, key, EventCodec.encode(event));
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"ce_specversion", "1.0"});
    headers.add(new String[] {"ce_id", (eventId == null ? UUID.randomUUID() : eventId).toString()});
    headers.add(new String[] {"ce_source", "/agora/test"});
    headers.add(new String[] {"ce_type", event.type()});
    headers.add(new String[] {"ce_subject", subject});
    headers.add(new String[] {"ce_time", Instant.now().toString()});
    headers.add(new String[] {"ce_actor", "system:test"});
    headers.add(new String[] {"content-type", "application/json"});
    headers.forEach(h -> record.headers().add(new RecordHeader(h[0], h[1].getBytes())));
    return record;
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }
}
