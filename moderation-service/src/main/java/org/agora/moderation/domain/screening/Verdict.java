package org.agora.moderation.domain.screening;

/** What the gate does with a post: fan it out, or keep it for a moderator. */
public enum Verdict {
  CLEARED("cleared"),
  HELD("held");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  /** The stable lower-case name used on the wire ({@code PostScreened.verdict}). */
  public String id() {
    return id;
  }
}
