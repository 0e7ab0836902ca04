package org.agora.testing;

/**
 * Where the real servers of a test run are: the local stack's by default, or wherever the
 * environment says (AGORA_KEYCLOAK_URL, AGORA_KAFKA, AGORA_GATEWAY_URL).
 */
public final class TestStack {
  private TestStack() {}

  public static String keycloakUrl() {
    return setting("AGORA_KEYCLOAK_URL", "http://127.0.0.1:8180");
  }

  public static String kafkaBootstrap() {
    return setting("AGORA_KAFKA", "127.0.0.1:9092");
  }

  public static String gatewayUrl() {
    return setting("AGORA_GATEWAY_URL", "http://localhost:8080");
  }

  public static String keycloakAdminPassword() {
    return setting("AGORA_KC_ADMIN_PASSWORD", "admin");
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }
}
