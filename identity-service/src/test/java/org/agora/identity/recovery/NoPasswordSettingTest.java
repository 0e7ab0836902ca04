package org.agora.identity.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code path in Agora calls Keycloak's set-password admin endpoint ({@code PUT
 * /users/{id}/reset-password}) or writes a user's credentials after creation: recovery goes only
 * through the mailed UPDATE_PASSWORD link, a change through Keycloak's re-authenticated action.
 */
class NoPasswordSettingTest {
  @Test
  void noServiceOrScriptNamesTheSetPasswordEndpoint() throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(repo)) {
      offenders =
          files
              .filter(p -> p.toString().contains("/src/main/") || p.toString().contains("/infra/"))
              .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.agora/"))
              .filter(
                  p ->
                      p.toString().endsWith(".java")
                          || p.toString().endsWith(".properties")
                          || p.toString().endsWith(".sh"))
              .filter(NoPasswordSettingTest::callsSetPassword)
              .toList();
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void theScanWouldSeeACall() {
    assertThat(mentions("keycloak.call(\"PUT\", \"/users/\" + id + \"/reset-password\", cred)"))
        .isTrue();
    assertThat(mentions("call(\"PUT\", \"/users/\" + id + \"/credentials/\" + c, x)")).isTrue();
  }

  private static boolean callsSetPassword(Path file) {
    try {
      return mentions(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean mentions(String source) {
    // Built from parts so this test's own text is not a hit.
    String resetPassword = "reset-" + "password";
    String credentials = "/credentials" + "/";
    return source.contains(resetPassword) || source.contains(credentials);
  }
}
