package org.agora.post;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestStack;
import org.agora.testing.TestUser;
import org.junit.jupiter.api.Test;

/** A token ends when the identity provider ends it, not when it expires. */
@QuarkusTest
class TokenRevocationTest {
  @Test
  void aRevokedTokenIsRefusedWithinSeconds() throws Exception {
    TestUser user = KeycloakTestRealm.verifiedUser("revoked");
    String token = user.accessToken();
    post(token).then().statusCode(200);

    HttpResponse<String> revoked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestStack.keycloakUrl()
                                + "/realms/agora/protocol/openid-connect/revoke"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "client_id=agora-app&token_type_hint=access_token&token=" + token))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(revoked.statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> post(token).then().statusCode(401));
  }

  @Test
  void aDisabledUsersTokenIsRefusedWithinSeconds() {
    TestUser user = KeycloakTestRealm.verifiedUser("disabled");
    String token = user.accessToken();
    post(token).then().statusCode(200);

    KeycloakTestRealm.setEnabled(user, false);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> post(token).then().statusCode(401));
  }

  private static io.restassured.response.Response post(String token) {
    return given()
        .auth()
        .oauth2(token)
        .multiPart("file", "probe.png", org.agora.post.media.GpsTaggedUploads.png(), "image/png")
        .post("/api/v2/media");
  }
}
