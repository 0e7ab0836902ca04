package org.agora.post.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads through the Mastodon media API, against the real Keycloak, Kafka and PostgreSQL. */
@QuarkusTest
class MediaUploadTest {
  private static final Path STORE = Path.of("target/media-store");
  private static final Path SPOOL = Path.of("target/uploads-must-stay-empty");
  private static TestUser user;

  @BeforeAll
  static void user() throws IOException {
    user = KeycloakTestRealm.verifiedUser("uploader");
    for (Path leftover : spooled()) {
      Files.delete(leftover);
    }
  }

  @Test
  void servedImagesOfEveryFormatCarryNoLocationOrOtherMetadata() throws IOException {
    for (byte[] upload :
        List.of(GpsTaggedUploads.jpeg(), GpsTaggedUploads.png(), GpsTaggedUploads.webp())) {
      var before = GpsTaggedUploads.metadata(upload);
      assertThat(before.containsDirectoryOfType(GpsDirectory.class)).isTrue();

      var attachment = upload(user.accessToken(), upload, "a view").then().statusCode(200);
      String id = attachment.extract().path("id");
      String url = attachment.extract().path("url");
      attachment.body("type", equalTo("image")).body("description", equalTo("a view"));

      byte[] served =
          given()
              .get(URI.create(url).getPath())
              .then()
              .statusCode(200)
              .header("Cache-Control", "no-store")
              .extract()
              .asByteArray();
      var after = GpsTaggedUploads.metadata(served);
      assertThat(after.containsDirectoryOfType(GpsDirectory.class)).isFalse();
      assertThat(after.containsDirectoryOfType(ExifIFD0Directory.class)).isFalse();
      assertThat(after.containsDirectoryOfType(XmpDirectory.class)).isFalse();
      assertThat(after.containsDirectoryOfType(IptcDirectory.class)).isFalse();
      assertThat(GpsTaggedUploads.contains(served, GpsTaggedUploads.SECRET)).isFalse();

      byte[] stored = Files.readAllBytes(STORE.resolve(id + ".sealed"));
      assertThat(GpsTaggedUploads.contains(stored, GpsTaggedUploads.SECRET)).isFalse();
      assertThat(TestImages.indexOf(stored, java.util.Arrays.copyOfRange(served, 0, 16)))
          .as("the stored file is sealed, not the image")
          .isNegative();
    }
    assertThat(spooled()).as("multipart parts never touch the disk").isEmpty();
  }

  @Test
  void anAttachedImageIsShownWithThePostAndGoesWithIt() {
    String token = user.accessToken();
    String mediaId =
        upload(token, GpsTaggedUploads.png(), null).then().statusCode(200).extract().path("id");

    var post =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body("{\"status\":\"with a picture\",\"media_ids\":[\"" + mediaId + "\"]}")
            .post("/api/v1/statuses")
            .then()
            .statusCode(200)
            .body("media_attachments[0].id", equalTo(mediaId))
            .body("media_attachments[0].meta.original.width", equalTo(64));
    String postId = post.extract().path("id");
    String url = post.extract().path("media_attachments[0].url");

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"again\",\"media_ids\":[\"" + mediaId + "\"]}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(422)
        .body("error", equalTo("media_ids: " + mediaId + " is not an unattached upload of yours"));

    given().auth().oauth2(token).delete("/api/v1/statuses/" + postId).then().statusCode(200);

    given().get(URI.create(url).getPath()).then().statusCode(404);
    assertThat(Files.exists(STORE.resolve(mediaId + ".sealed"))).isFalse();
  }

  @Test
  void someoneElsesUploadCannotBeAttached() {
    String theirs =
        upload(KeycloakTestRealm.verifiedUser("other").accessToken(), GpsTaggedUploads.jpeg(), null)
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(user.accessToken())
        .contentType(ContentType.JSON)
        .body("{\"status\":\"not mine\",\"media_ids\":[\"" + theirs + "\"]}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(422)
        .body("error", equalTo("media_ids: " + theirs + " is not an unattached upload of yours"));
    given().auth().oauth2(user.accessToken()).get("/api/v1/media/" + theirs).then().statusCode(404);
  }

  @Test
  void badUploadsAreRefusedWithTheLimit() {
    String token = user.accessToken();
    upload(token, "GIF89a\1\0\1\0\0\0\0;".getBytes(), null)
        .then()
        .statusCode(415)
        .body("error", startsWith("file: image/gif is not supported"));
    upload(token, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, null).then().statusCode(415);
    byte[] huge = new byte[11 * 1024 * 1024];
    System.arraycopy(GpsTaggedUploads.jpeg(), 0, huge, 0, 64);
    upload(token, huge, null)
        .then()
        .statusCode(413)
        .body("error", equalTo("file: 11534336 bytes, at most 10485760"));
    upload(token, GpsTaggedUploads.png(), "x".repeat(1501))
        .then()
        .statusCode(422)
        .body("error", equalTo("description: 1501 characters, at most 1500"));
    given()
        .auth()
        .oauth2(token)
        .multiPart("description", "no file")
        .post("/api/v2/media")
        .then()
        .statusCode(422)
        .body("error", equalTo("file: is required"));
    given()
        .multiPart("file", "a.png", GpsTaggedUploads.png(), "image/png")
        .post("/api/v2/media")
        .then()
        .statusCode(401);
    upload(
            KeycloakTestRealm.unverifiedUser("unverified_uploader").accessToken(),
            GpsTaggedUploads.png(),
            null)
        .then()
        .statusCode(403)
        .body("error", equalTo("Your login is missing a confirmed e-mail address"));
    given().get("/api/agora/v1/posts/media/not-an-id").then().statusCode(404);
    given().get("/api/agora/v1/posts/media/" + java.util.UUID.randomUUID()).then().statusCode(404);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"status\":\"five\",\"media_ids\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}")
        .post("/api/v1/statuses")
        .then()
        .statusCode(422)
        .body("error", equalTo("media_ids: 5 attachments, at most 4"));
  }

  private static io.restassured.response.Response upload(
      String token, byte[] bytes, String description) {
    var request = given().auth().oauth2(token).multiPart("file", "upload.bin", bytes, "image/jpeg");
    if (description != null) {
      request = request.multiPart("description", description);
    }
    return request.post("/api/v2/media");
  }

  private static List<Path> spooled() throws IOException {
    if (!Files.exists(SPOOL)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(SPOOL)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
