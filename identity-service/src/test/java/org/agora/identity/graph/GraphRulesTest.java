package org.agora.identity.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.agora.events.AccountId;
import org.agora.events.relationships.AccountBlocked;
import org.agora.events.relationships.AccountFollowed;
import org.agora.events.relationships.AccountUnblocked;
import org.agora.events.relationships.AccountUnfollowed;
import org.agora.identity.domain.graph.GraphRefused;
import org.agora.identity.domain.graph.GraphRules;
import org.agora.identity.domain.graph.GraphRules.Standing;
import org.junit.jupiter.api.Test;

class GraphRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final Standing NONE = new Standing(false, false, false, false);
  private final AccountId me = new AccountId(UUID.randomUUID());
  private final AccountId other = new AccountId(UUID.randomUUID());

  @Test
  void aFollowIsAppendedOnceAndNeverToOneself() {
    assertThat(GraphRules.follow(me, other, NONE, NOW))
        .containsExactly(new AccountFollowed(me, other, NOW));
    assertThat(GraphRules.follow(me, other, new Standing(true, false, false, false), NOW))
        .isEmpty();
    assertThatThrownBy(() -> GraphRules.follow(me, me, NONE, NOW))
        .isInstanceOf(GraphRefused.class)
        .hasMessage("id: you cannot follow yourself");
  }

  @Test
  void blocksForbidFollowingEitherWay() {
    for (Standing standing :
        new Standing[] {
          new Standing(false, false, true, false), new Standing(false, false, false, true)
        }) {
      assertThatThrownBy(() -> GraphRules.follow(me, other, standing, NOW))
          .isInstanceOf(GraphRefused.class)
          .extracting(e -> ((GraphRefused) e).reason())
          .isEqualTo(GraphRefused.Reason.FORBIDDEN);
    }
  }

  @Test
  void blockingEndsBothFollowsThenBlocks() {
    assertThat(GraphRules.block(me, other, new Standing(true, true, false, false), NOW))
        .containsExactly(
            new AccountUnfollowed(me, other, NOW),
            new AccountUnfollowed(other, me, NOW),
            new AccountBlocked(me, other, NOW));
    assertThat(GraphRules.block(me, other, new Standing(false, false, true, false), NOW)).isEmpty();
  }

  @Test
  void undoingWhatIsNotThereAppendsNothing() {
    assertThat(GraphRules.unfollow(me, other, NONE, NOW)).isEmpty();
    assertThat(GraphRules.unblock(me, other, NONE, NOW)).isEmpty();
    assertThat(GraphRules.unblock(me, other, new Standing(false, false, true, false), NOW))
        .containsExactly(new AccountUnblocked(me, other, NOW));
  }

  @Test
  void onlyActiveAccountsMayAct() {
    GraphRules.requireActive("active", "follow or block");
    assertThatThrownBy(() -> GraphRules.requireActive("pending_approval", "follow or block"))
        .hasMessageContaining("approval");
    assertThatThrownBy(() -> GraphRules.requireActive("suspended", "follow or block"))
        .hasMessage("Your account is suspended and cannot follow or block");
  }
}
