package org.agora.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.agora.testing.TestStack;

/**
 * A run's parameters, from system properties ({@code -Drate=50 -Dduration=60 ...}), checked before
 * any user is made: targets on this machine only, few enough posts per account for the rate limit,
 * and a run short enough for the 5-minute access tokens.
 */
record BenchSettings(
    String baseUrl,
    String timelineUrl,
    double rate,
    int warmupSeconds,
    int durationSeconds,
    int users,
    double maxKoPercent) {

  static final String POST_SERVICE = "http://127.0.0.1:8082";
  static final String TIMELINE_SERVICE = "http://127.0.0.1:8083";

  /** post-service refuses the 301st post of an account within 3 hours. */
  static final int POSTS_PER_ACCOUNT = 300;

  /** Tokens are fetched once, before the run, and live 5 minutes. */
  static final int MAX_RUN_SECONDS = 240;

  static BenchSettings read(double defaultRate, int defaultUsers) {
    String baseUrl = stripSlash(System.getProperty("baseUrl", POST_SERVICE));
    String timelineUrl =
        stripSlash(
            System.getProperty(
                "timelineUrl", baseUrl.equals(POST_SERVICE) ? TIMELINE_SERVICE : baseUrl));
    double rate = Double.parseDouble(System.getProperty("rate", String.valueOf(defaultRate)));
    int warmup = Integer.getInteger("warmup", 10);
    int duration = Integer.getInteger("duration", 60);
    if (rate <= 0 || warmup < 0 || duration <= 0) {
      throw new IllegalArgumentException("rate and duration must be positive, warmup at least 0");
    }
    if (warmup + duration > MAX_RUN_SECONDS) {
      throw new IllegalArgumentException(
          "warmup + duration: "
              + (warmup + duration)
              + " s, at most "
              + MAX_RUN_SECONDS
              + " (access tokens live 5 minutes)");
    }
    long planned = plannedPosts(rate, warmup, duration);
    int needed = (int) Math.ceil(planned / (POSTS_PER_ACCOUNT * 0.9));
    int users = Integer.getInteger("users", Math.max(defaultUsers, needed));
    if (users < needed) {
      throw new IllegalArgumentException(
          "users: "
              + users
              + " for about "
              + planned
              + " posts, at least "
              + needed
              + " ("
              + POSTS_PER_ACCOUNT
              + " posts per account in 3 hours)");
    }
    double maxKo = Double.parseDouble(System.getProperty("maxKoPercent", "1"));
    requireLoopback(baseUrl);
    requireLoopback(timelineUrl);
    requireLoopback(TestStack.keycloakUrl());
    return new BenchSettings(baseUrl, timelineUrl, rate, warmup, duration, users, maxKo);
  }

  /** A linear ramp from 1/s to the rate during the warm-up, then the rate. */
  static long plannedPosts(double rate, int warmup, int duration) {
    return Math.round(warmup * (1 + rate) / 2 + rate * duration);
  }

  /** Load goes to this machine only: every address the host names must be a loopback one. */
  static void requireLoopback(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host in " + url);
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      if (!Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)) {
        throw new IllegalArgumentException(url + ": not a loopback address; benchmarks stay local");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host in " + url, e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "baseUrl=%s timelineUrl=%s rate=%s/s warmup=%ds duration=%ds users=%d maxKoPercent=%s"
        .formatted(baseUrl, timelineUrl, rate, warmupSeconds, durationSeconds, users, maxKoPercent);
  }
}
