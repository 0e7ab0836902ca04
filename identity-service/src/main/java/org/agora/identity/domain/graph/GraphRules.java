package org.agora.identity.domain.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agora.events.AccountId;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.events.relationships.RelationshipEvent;

/**
 * What a follow, unfollow, block or unblock appends, given how the two accounts stand now. A
 * command that changes nothing appends nothing, so repeating it is harmless.
 */
public final class GraphRules {
  private GraphRules() {}

  /** The standing that lets an account act ({@code action}: "follow or block", …). */
  public static void requireActive(String state, String action) {
    if ("pending_approval".equals(state)) {
      throw new GraphRefused(
          GraphRefused.Reason.FORBIDDEN,
          "Your account is waiting for a moderator's approval and cannot " + action + " yet");
    }
    if ("suspended".equals(state)) {
      throw new GraphRefused(
          GraphRefused.Reason.FORBIDDEN, "Your account is suspended and cannot " + action);
    }
  }

  public static List<RelationshipEvent> follow(
      AccountId me, AccountId target, Standing standing, Instant now) {
    refuseSelf(me, target, "follow");
    if (standing.blocking() || standing.blockedBy()) {
      throw new GraphRefused(
          GraphRefused.Reason.FORBIDDEN,
          "You cannot follow an account you block or that blocks you");
    }
    return standing.following() ? List.of() : List.of(new AccountFollowed(me, target, now));
  }

  public static List<RelationshipEvent> unfollow(
      AccountId me, AccountId target, Standing standing, Instant now) {
    refuseSelf(me, target, "unfollow");
    return standing.following() ? List.of(new AccountUnfollowed(me, target, now)) : List.of();
  }

  /** Blocking also ends the follows both ways, each as its own unfollow event. */
  public static List<RelationshipEvent> block(
      AccountId me, AccountId target, Standing standing, Instant now) {
    refuseSelf(me, target, "block");
    List<RelationshipEvent> events = new ArrayList<>();
    if (standing.following()) {
      events.add(new AccountUnfollowed(me, target, now));
    }
    if (standing.followedBy()) {
      events.add(new AccountUnfollowed(target, me, now));
    }
    if (!standing.blocking()) {
      events.add(new AccountBlocked(me, target, now));
    }
    return events;
  }

  public static List<RelationshipEvent> unblock(
      AccountId me, AccountId target, Standing standing, Instant now) {
    refuseSelf(me, target, "unblock");
    return standing.blocking() ? List.of(new AccountUnblocked(me, target, now)) : List.of();
  }

  private static void refuseSelf(AccountId me, AccountId target, String verb) {
    if (me.equals(target)) {
      throw new GraphRefused(
          GraphRefused.Reason.UNPROCESSABLE, "id: you cannot " + verb + " yourself");
    }
  }

  /** How the caller and the other account stand now. */
  public record Standing(
      boolean following, boolean followedBy, boolean blocking, boolean blockedBy) {}
}
