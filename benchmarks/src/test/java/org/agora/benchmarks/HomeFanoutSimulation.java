package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Publish → visible in the home timelines of every follower: authors publish at {@code -Drate}
 * posts/s (200) through post-service; every author has {@code -Dfollowers} followers (100, each
 * following every author), so the timeline fans each cleared post out to that many homes. The
 * fan-out of one post commits in one transaction, so one follower seeing it means all do: one post
 * in {@code -DsampleEvery} (10) is followed until a random follower's home lists it (group {@code
 * publish to home}, polled every {@code -DpollMillis} ms (20) for the first {@code
 * -DfastPollMillis} (500), then after {@code -DslowPollMillis} (100), twice that, and so on up to
 * {@code -DmaxPollMillis} (1000)); the others are only published, so the polling adds little load
 * of its own beyond that sample, and less when the stack falls behind. The server side measures
 * every post: {@code agora_timeline_publish_to_visible_seconds} on timeline-service's /q/metrics
 * ({@code -DtimelineMetricsUrl}), whose difference over the run is printed after it ({@link
 * ServerSideVisibility}).
 */
public class HomeFanoutSimulation extends Simulation {
  private final BenchSettings settings = BenchSettings.read(200, 50);
  private final int followers = Integer.getInteger("followers", 100);
  private final int sampleEvery = Integer.getInteger("sampleEvery", 10);
  private final Duration poll = Duration.ofMillis(Long.getLong("pollMillis", 20));
  // NOTE: a sample that is late is polled less and less often, so an overloaded stack is not
  // loaded further by its own measurement: every pollMillis for the first fastPollMillis, then
  // with pauses doubling from slowPollMillis to maxPollMillis (the resolution of latencies past
  // fastPollMillis). With a fixed 100 ms, a stack 5 s behind at 200 posts/s drew some 1,000 home
  // reads a second from the samples alone, and a run that fell behind never caught up.
  private final long fastPolls =
      Long.getLong("fastPollMillis", 500) / Math.max(1, Long.getLong("pollMillis", 20));
  private final Duration slowPoll = Duration.ofMillis(Long.getLong("slowPollMillis", 100));
  private final Duration maxPoll = Duration.ofMillis(Long.getLong("maxPollMillis", 1000));
  private final Duration visibleTimeout = Duration.ofSeconds(Long.getLong("visibleTimeout", 30));
  private final String timelineMetricsUrl =
      System.getProperty("timelineMetricsUrl", BenchSettings.TIMELINE_SERVICE + "/q/metrics");
  private ServerSideVisibility serverSide;

  @Override
  public void before() {
    serverSide = ServerSideVisibility.start(timelineMetricsUrl);
  }

  @Override
  public void after() {
    System.out.println(serverSide.report());
  }

  {
    System.out.printf(
        "HomeFanoutSimulation: %s followers=%d sampleEvery=%d pollMillis=%d (for %d polls, then"
            + " %d doubling up to %d)%n",
        settings,
        followers,
        sampleEvery,
        poll.toMillis(),
        fastPolls,
        slowPoll.toMillis(),
        maxPoll.toMillis());
    HomeNetwork network = HomeNetwork.create(settings, followers);
    double sampled = settings.rate() / sampleEvery;
    double unsampled = settings.rate() - sampled;

    // NOTE: the plain publishers ramp up during the warm-up; the sampled ones start after it.
    var publish =
        scenario("publish")
            .feed(listFeeder(network.authors()).circular())
            .exec(Publishing.publish("publish"))
            .injectOpen(
                rampUsersPerSec(1).to(unsampled).during(Math.max(1, settings.warmupSeconds())),
                constantUsersPerSec(unsampled).during(settings.durationSeconds()));
    var visible =
        scenario("publish to home")
            .feed(listFeeder(network.authors()).circular())
            .feed(listFeeder(network.followers()).random())
            .exec(publishThenReadHome())
            .injectOpen(
                nothingFor(Duration.ofSeconds(Math.max(1, settings.warmupSeconds()))),
                constantUsersPerSec(sampled).during(settings.durationSeconds()));

    setUp(publish, visible)
        .protocols(Publishing.protocol(settings))
        .assertions(
            details("publish to home").failedRequests().percent().lte(settings.maxKoPercent()));
  }

  private ChainBuilder publishThenReadHome() {
    return group("publish to home")
        .on(
            exec(Publishing.publish("publish (sampled)"))
                .exitHereIfFailed()
                .group("fan-out lag")
                .on(
                    exec(session ->
                            session
                                .set("visible", false)
                                .set("polls", 0)
                                .set(
                                    "justBefore",
                                    PublishToVisibleSimulation.predecessor(
                                        session.getString("postId"))))
                        .asLongAsDuring(session -> !session.getBoolean("visible"), visibleTimeout)
                        .on(
                            pause(session -> pauseAfter(session.getInt("polls")))
                                .exec(session -> session.set("polls", session.getInt("polls") + 1))
                                .exec(readHome()))
                        .doIf(session -> !session.getBoolean("visible"))
                        .then(exec(session -> session.markAsFailed()))));
  }

  /** The pause before the next poll, after {@code polls} polls. */
  Duration pauseAfter(int polls) {
    if (polls < fastPolls) {
      return poll;
    }
    long doublings = Math.min(20, polls - fastPolls);
    return Duration.ofMillis(Math.min(maxPoll.toMillis(), slowPoll.toMillis() << doublings));
  }

  private ChainBuilder readHome() {
    return exec(
        http("read a follower's home")
            .get(settings.timelineUrl() + "/api/v1/timelines/home?min_id=#{justBefore}&limit=1")
            .header("Authorization", "Bearer #{followerToken}")
            .check(
                status().is(200),
                jsonPath("$[0].id")
                    .find()
                    .transformWithSession((id, session) -> session.getString("postId").equals(id))
                    .withDefault(false)
                    .saveAs("visible")));
  }
}
