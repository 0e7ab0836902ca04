package org.agora.moderation.domain.screening;

/** The kinds of violent speech the scorer looks for; {@link #id()} is stable for events. */
public enum Category {
  /** A first- or second-person threat of violence against a person or group. */
  THREAT("threat"),
  /** A call on others to commit violence against a person, group or place. */
  INCITEMENT("incitement"),
  /** A call to take up weapons or to armed action. */
  CALL_TO_ARMS("call-to-arms"),
  /** Praise of an attack or an attacker, or a wish for more of the same. */
  GLORIFICATION("glorification"),
  /** A planned attack on a public place or crowd, or bomb making. */
  TERRORISM("terrorism"),
  /** Dehumanising a protected group (vermin, parasites); only this narrow part of hate speech. */
  HATE("hate");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
