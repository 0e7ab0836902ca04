package org.agora.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.agora.testing.KafkaTopicProbe;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delete means gone, proven on the raw bytes: after a post with an image is deleted, and an account
 * with a profile and a post is erased, and the key topics' purge window has passed, neither the
 * texts, nor the profile fields, nor their data keys (raw or wrapped), nor the image remain
 * anywhere in Kafka's log directory, PostgreSQL's data directory (WAL included) or the media store
 * — while a post that was not deleted is still readable.
 */
class ForensicDeletionIT {
  private static final Duration PURGE_WINDOW = Duration.ofMinutes(8);
  private static final String POST_KEYS = "posts.content-keys";
  private static final String ACCOUNT_KEYS = "identity.account-keys";

  private static Path state;
  private static List<Path> disks;

  @BeforeAll
  static void stack() {
    RestAssured.baseURI = TestStack.gatewayUrl();
    state = Path.of(setting("AGORA_STATE", "../.agora")).toAbsolutePath().normalize();
    disks =
        List.of(
            state.resolve("kafka/data"),
            Path.of(setting("AGORA_PG_DATA", "/var/lib/postgresql/15/main")),
            state.resolve("media"));
  }

  @Test
  void aDeletedPostLeavesNoTextNoKeyAndNoImageOnDisk() throws Exception {
    var author = KeycloakTestRealm.verifiedUser("forensic");
    String token = author.accessToken();
    String deletedMarker = "FORENSIC-GONE-" + System.nanoTime();
    String keptMarker = "FORENSIC-KEPT-" + System.nanoTime();
    byte[] image = gpsFreeButDistinctJpeg();

    String mediaId =
        given()
            .auth()
            .oauth2(token)
            .multiPart("file", "photo.jpg", image, "image/jpeg")
            .post("/api/v2/media")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    String mediaUrl = "/api/agora/v1/posts/media/" + mediaId;
    byte[] served = given().get(mediaUrl).then().statusCode(200).extract().asByteArray();
    String doomed = publish(token, deletedMarker, mediaId);
    String kept = publish(token, keptMarker, null);
    awaitTimeline(token, author.id(), 2);

    byte[] kek = Base64.getDecoder().decode(setting("AGORA_CONTENT_KEK", ""));
    String doomedWrapped = wrappedKey(POST_KEYS, doomed);
    String mediaWrapped = wrappedKey(POST_KEYS, mediaId);
    String keptWrapped = wrappedKey(POST_KEYS, kept);
    Map<String, byte[]> gone = new LinkedHashMap<>();
    gone.put("text of the deleted post", utf8(deletedMarker));
    gone.put("wrapped key of the deleted post", utf8(doomedWrapped));
    gone.put("wrapped key of its image", utf8(mediaWrapped));
    gone.put("raw key of the deleted post", unwrap(kek, doomedWrapped));
    gone.put("raw key of its image", unwrap(kek, mediaWrapped));
    gone.put("the image as uploaded", middle(image));
    gone.put("the image as served", middle(served));
    gone.put("text of the kept post", utf8(keptMarker));

    var erased = KeycloakTestRealm.verifiedUser("forensic_erased");
    String erasedToken = erased.accessToken();
    String nameMarker = "EGONE-" + (System.nanoTime() % 1_000_000_000_000L);
    String bioMarker = "BIO-GONE-" + System.nanoTime();
    String erasedPostMarker = "ERASED-POST-" + System.nanoTime();
    given()
        .auth()
        .oauth2(erasedToken)
        .contentType(ContentType.JSON)
        .body("{\"display_name\":\"" + nameMarker + "\",\"note\":\"" + bioMarker + "\"}")
        .patch("/api/v1/accounts/update_credentials")
        .then()
        .statusCode(200);
    String erasedPost = publish(erasedToken, erasedPostMarker, null);
    String accountWrapped = wrappedKey(ACCOUNT_KEYS, erased.id());
    String erasedPostWrapped = wrappedKey(POST_KEYS, erasedPost);
    gone.put("display name of the erased account", utf8(nameMarker));
    gone.put("bio of the erased account", utf8(bioMarker));
    gone.put("text of the erased account's post", utf8(erasedPostMarker));
    gone.put("wrapped profile key of the erased account", utf8(accountWrapped));
    gone.put("raw profile key of the erased account", unwrap(kek, accountWrapped));
    gone.put("wrapped key of the erased account's post", utf8(erasedPostWrapped));

    var before = RawBytes.find(disks, Map.of("wrapped key of the kept post", utf8(keptWrapped)));
    assertThat(before.get("wrapped key of the kept post"))
        .as("the scan sees what is on disk (control)")
        .isNotEmpty();

    given().auth().oauth2(token).delete("/api/v1/statuses/" + doomed).then().statusCode(200);
    given().get("/api/v1/statuses/" + doomed).then().statusCode(404);
    given().get(mediaUrl).then().statusCode(404);
    given()
        .auth()
        .oauth2(erasedToken)
        .contentType(ContentType.JSON)
        .body("{\"password\":\"" + erased.password() + "\"}")
        .delete("/api/agora/v1/identity/account")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/api/v1/statuses/" + erasedPost).then().statusCode(404));

    await()
        .atMost(PURGE_WINDOW)
        .pollInterval(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              // NOTE: no traffic is written meanwhile. A compacted segment rolls only on a write
              // to its partition after segment.ms: the services' second tombstone of each shredded
              // key (KeyShredder) is that write.
              var found = RawBytes.find(disks, gone);
              found.forEach((what, files) -> assertThat(files).as(what + " still in").isEmpty());
            });

    given()
        .get("/api/v1/statuses/" + kept)
        .then()
        .statusCode(200)
        .body("content", equalTo("<p>" + keptMarker + "</p>"));
    var after = RawBytes.find(disks, Map.of("wrapped key of the kept post", utf8(keptWrapped)));
    assertThat(after.get("wrapped key of the kept post")).isNotEmpty();
  }

  private static String publish(String token, String text, String mediaId) {
    String media = mediaId == null ? "" : ",\"media_ids\":[\"" + mediaId + "\"]";
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"" + text + "\"" + media + "}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  private static void awaitTimeline(String token, String account, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<String> ids =
                  given()
                      .auth()
                      .oauth2(token)
                      .get("/api/v1/accounts/" + account + "/statuses")
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("id");
              assertThat(ids).hasSizeGreaterThanOrEqualTo(count);
            });
  }

  private static String wrappedKey(String topic, String id) {
    var records =
        KafkaTopicProbe.records(
            topic, r -> id.equals(r.key()) && r.value() != null, 1, Duration.ofSeconds(20));
    assertThat(records).as("key record of " + id).hasSize(1);
    String json = new String(records.get(0).value(), StandardCharsets.UTF_8);
    int start = json.indexOf("\"wrappedKey\":\"") + "\"wrappedKey\":\"".length();
    return json.substring(start, json.indexOf('"', start));
  }

  private static byte[] unwrap(byte[] kek, String wrapped) throws Exception {
    Cipher cipher = Cipher.getInstance("AESWrap");
    cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
    return ((SecretKey)
            cipher.unwrap(Base64.getDecoder().decode(wrapped), "AES", Cipher.SECRET_KEY))
        .getEncoded();
  }

  /** A noisy image, so a 64-byte slice of its compressed data is unique on this machine. */
  private static byte[] gpsFreeButDistinctJpeg() throws IOException {
    var random = new java.util.Random(System.nanoTime());
    var picture = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 96; x++) {
      for (int y = 0; y < 64; y++) {
        picture.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    var out = new ByteArrayOutputStream();
    ImageIO.write(picture, "jpg", out);
    return out.toByteArray();
  }

  private static byte[] middle(byte[] bytes) {
    int from = bytes.length / 2;
    return Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 64));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
