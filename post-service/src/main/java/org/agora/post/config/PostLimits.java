package org.agora.post.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "agora.posts")
public interface PostLimits {
  @WithName("rate-limit")
  int rateLimit();

  @WithName("rate-window")
  Duration rateWindow();

  @WithName("json-body-limit")
  long jsonBodyLimit();

  /** "300 posts in 3 hours": the limit as the refusal names it. */
  default String describeRate() {
    long hours = rateWindow().toHours();
    String window =
        hours > 0 && rateWindow().equals(Duration.ofHours(hours))
            ? hours + (hours == 1 ? " hour" : " hours")
            : rateWindow().toMinutes() + " minutes";
    return rateLimit() + " posts in " + window;
  }
}
