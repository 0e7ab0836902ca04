package org.agora.timeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The timeline's own settings ({@code agora.timeline.*}). */
@ConfigMapping(prefix = "agora.timeline")
public interface TimelineConfig {
  /** Authors with more followers than this are merged in at read time instead of fanned out. */
  @WithDefault("1000")
  int fanoutThreshold();

  /** How many recent posts of a newly followed account are copied into the follower's home. */
  @WithDefault("20")
  int backfill();

  /** Drops every projection generation at boot (tests: each run starts from empty topics). */
  @WithDefault("false")
  boolean resetOnStart();

  Topics topic();

  Rebuild rebuild();

  StatusCache statusCache();

  /** The topics the live channels and the rebuild read. */
  interface Topics {
    @WithDefault("posts.events")
    String posts();

    @WithDefault("moderation.decisions")
    String decisions();

    @WithDefault("identity.accounts")
    String accounts();

    @WithDefault("identity.follows")
    String follows();

    @WithDefault("posts.content-keys")
    String contentKeys();

    @WithDefault("identity.account-keys")
    String accountKeys();
  }

  interface Rebuild {
    /** Records per poll, and so per transaction, while replaying. */
    @WithDefault("5000")
    int pollRecords();

    /** Seconds the old generation is kept after a switch, for reads already under way. */
    @WithDefault("5")
    int dropDelaySeconds();
  }

  /** Rendered statuses kept in memory ({@code RenderedStatuses}). */
  interface StatusCache {
    /** Bytes of rendered JSON kept at most (about 1.5 KB a status). */
    @WithDefault("16777216")
    long maxBytes();

    /** How long a rendering is kept after it was made, however often it is read. */
    @WithDefault("PT10M")
    Duration maxAge();
  }
}
