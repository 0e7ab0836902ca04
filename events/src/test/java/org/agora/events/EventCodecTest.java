package org.agora.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.events.accounts.AccountErased;
import org.agora.events.accounts.AccountReinstated;
import org.agora.events.accounts.AccountSuspended;
import org.agora.events.media.MediaKeyIssued;
import org.agora.events.media.MediaUploaded;
import org.agora.events.moderation.PostRemoved;
import org.agora.events.moderation.PostRestored;
import org.agora.events.moderation.PostScreened;
import org.agora.events.posts.ContentKeyIssued;
import org.agora.events.posts.PostDeleted;
import org.agora.events.posts.PostEdited;
import org.agora.events.posts.PostPublished;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountUnblocked;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final PostId POST = PostId.parse("0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012");
  private static final AccountId AUTHOR = AccountId.parse("3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e");
  private static final EncryptedContent SEALED =
      new EncryptedContent("A256GCM", "AAECAwQFBgcICQoL", "c2VhbGVk");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void postPublishedBytesArePinned() {
    var event =
        new PostPublished(
            POST,
            AUTHOR,
            SEALED,
            "en",
            null,
            "public",
            Instant.parse("2026-11-29T20:00:00Z"),
            null);

    assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"postId\":\"0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012\","
                + "\"authorId\":\"3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e\","
                + "\"content\":{\"alg\":\"A256GCM\",\"nonce\":\"AAECAwQFBgcICQoL\","
                + "\"ciphertext\":\"c2VhbGVk\"},"
                + "\"language\":\"en\",\"visibility\":\"public\","
                + "\"publishedAt\":\"2026-11-29T20:00:00Z\"}");
  }

  @Test
  void contentKeyIssuedBytesArePinned() {
    var event = new ContentKeyIssued(POST, "kek-1", "d3JhcHBlZA==");

    assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"postId\":\"0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012\",\"kekId\":\"kek-1\","
                + "\"wrappedKey\":\"d3JhcHBlZA==\"}");
  }

  @Test
  void postDeletedBytesArePinned() {
    var event =
        new PostDeleted(
            POST,
            AUTHOR,
            List.of(UUID.fromString("0190f3a2-0000-7000-8000-000000000001")),
            Instant.parse("2026-11-29T21:00:00Z"));

    assertThat(new String(EventCodec.encode(event), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"postId\":\"0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012\","
                + "\"authorId\":\"3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e\","
                + "\"mediaIds\":[\"0190f3a2-0000-7000-8000-000000000001\"],"
                + "\"deletedAt\":\"2026-11-29T21:00:00Z\"}");
  }

  @Test
  void aV1PayloadWithFieldsFromALaterVersionStillParses() throws IOException {
    byte[] fixture = fixture("agora.post.published.v1.json");

    var event = (PostPublished) EventCodec.decode(PostPublished.TYPE, fixture);

    assertThat(event.postId()).isEqualTo(POST);
    assertThat(event.authorId()).isEqualTo(AUTHOR);
    assertThat(event.content()).isEqualTo(SEALED);
    assertThat(event.language()).isNull();
    assertThat(event.publishedAt()).isEqualTo(Instant.parse("2026-11-29T20:00:00Z"));
  }

  @Test
  void everyEncodedPayloadMatchesItsCommittedSchema() throws IOException {
    var published =
        new PostPublished(
            PostId.newId(Instant.now()),
            new AccountId(UUID.randomUUID()),
            SEALED,
            "de",
            PostId.newId(Instant.now()),
            "public",
            Instant.now(),
            List.of(UUID.randomUUID()));
    var key = new ContentKeyIssued(POST, "kek-1", "d3JhcHBlZA==");
    var edited = new PostEdited(POST, AUTHOR, SEALED, "de", Instant.now());
    var deleted = new PostDeleted(POST, AUTHOR, List.of(UUID.randomUUID()), Instant.now());
    var uploaded =
        new MediaUploaded(
            UUID.randomUUID(), AUTHOR, "image/jpeg", 640, 480, 12345, SEALED, Instant.now());
    var mediaKey = new MediaKeyIssued(UUID.randomUUID(), "kek-1", "d3JhcHBlZA==");
    var suspended =
        new AccountSuspended(
            AUTHOR, UUID.randomUUID(), Instant.now().plusSeconds(60), Instant.now());
    var reinstated = new AccountReinstated(AUTHOR, UUID.randomUUID(), Instant.now());
    var erased = new AccountErased(AUTHOR, Instant.now());
    var screened =
        new PostScreened(
            UUID.randomUUID(),
            POST,
            PostScreened.HELD,
            0.92,
            List.of("threat"),
            "violence-rules/1",
            Instant.now(),
            Instant.now());
    var other = new AccountId(UUID.randomUUID());
    var blocked = new AccountBlocked(AUTHOR, other, Instant.now());
    var unblocked = new AccountUnblocked(AUTHOR, other, Instant.now());
    var removed = new PostRemoved(UUID.randomUUID(), POST, "violence.incitement", Instant.now());
    var restored = new PostRestored(UUID.randomUUID(), POST, Instant.now());

    for (AgoraEvent event :
        new AgoraEvent[] {
          published,
          key,
          edited,
          deleted,
          uploaded,
          mediaKey,
          suspended,
          reinstated,
          blocked,
          unblocked,
          removed,
          restored
        }) {
      assertThat(EventCodec.knows(event.type())).as(event.type()).isTrue();
      assertThat(EventCodec.decode(event.type(), EventCodec.encode(event))).isEqualTo(event);
      var errors = schema(event.type()).validate(json.readTree(EventCodec.encode(event)));
      assertThat(errors).as(event.type()).isEmpty();
    }
  }

  @Test
  void theSchemaRejectsAPayloadWithoutCiphertext() throws IOException {
    var errors =
        schema(PostPublished.TYPE)
            .validate(
                json.readTree(
                    "{\"postId\":\"0190f3a2-7b1c-7d4e-9a3b-5c6d7e8f9012\","
                        + "\"authorId\":\"3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e\","
                        + "\"content\":{\"alg\":\"A256GCM\",\"nonce\":\"AA==\"},"
                        + "\"visibility\":\"public\",\"publishedAt\":\"2026-11-29T20:00:00Z\"}"));

    assertThat(errors).isNotEmpty();
  }

  @Test
  void unknownTypesAndMalformedPayloadsAreNamedErrors() {
    assertThatThrownBy(() -> EventCodec.decode("agora.nothing.v1", new byte[0]))
        .isInstanceOf(EventCodec.UnknownEventTypeException.class)
        .hasMessageContaining("agora.nothing.v1");
    assertThatThrownBy(() -> EventCodec.decode(PostPublished.TYPE, "{\"postId\":1".getBytes()))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("PostPublished");
  }

  private static JsonSchema schema(String type) throws IOException {
    try (InputStream in = EventCodec.class.getResourceAsStream("/schemas/" + type + ".json")) {
      assertThat(in).as("schema for " + type).isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = EventCodecTest.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }
}
