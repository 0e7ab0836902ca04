package org.agora.identity.keycloak;

/** Keycloak could not be reached or refused an admin call that should have worked. */
public class KeycloakException extends RuntimeException {
  public KeycloakException(String what, KeycloakAdmin.Reply reply) {
    super(what + ": HTTP " + reply.status() + " " + abbreviate(reply.body()));
  }

  public KeycloakException(String what, Throwable cause) {
    super(what, cause);
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
