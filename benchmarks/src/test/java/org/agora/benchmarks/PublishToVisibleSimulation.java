package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How long a post takes from {@code POST /api/v1/statuses} until the author's profile timeline
 * (timeline-service, projected from Kafka) lists it, at a modest open arrival rate.
 *
 * <p>Each poll asks for the one status right after the post's predecessor id ({@code min_id=<id -
 * 1>&limit=1}): the post itself once it is projected, however many its author has published since,
 * and a cheap read, so that the polling itself loads timeline-service little.
 *
 * <p>Group {@code publish to visible} spans the publish request and the polls; its inner group
 * {@code projection lag} starts at the 200. Both are reported as wall-clock durations ({@code
 * useGroupDurationMetric} in gatling.conf), so they include the pauses before each poll: {@code
 * -DpollMillis} (10) is their resolution. A post not seen within {@code -DvisibleTimeout} seconds
 * (30) fails the group. Other parameters as in {@link PublishSimulation}; the rate defaults to 5
 * per second and the users to 10.
 */
public class PublishToVisibleSimulation extends Simulation {
  private final BenchSettings settings = BenchSettings.read(5, 10);
  private final Duration poll = Duration.ofMillis(Long.getLong("pollMillis", 10));
  private final Duration visibleTimeout = Duration.ofSeconds(Long.getLong("visibleTimeout", 30));

  {
    System.out.printf(
        "PublishToVisibleSimulation: %s pollMillis=%d visibleTimeout=%ds%n",
        settings, poll.toMillis(), visibleTimeout.toSeconds());
    List<Map<String, Object>> users = BenchUsers.create("bench_visible", settings.users());

    PopulationBuilder measured =
        scenario("publish to visible")
            .feed(listFeeder(users).circular())
            .exec(publishThenReadBack(""))
            .injectOpen(constantUsersPerSec(settings.rate()).during(settings.durationSeconds()));
    PopulationBuilder run =
        settings.warmupSeconds() == 0
            ? measured
            : scenario("warm-up")
                .feed(listFeeder(users).circular())
                .exec(publishThenReadBack(" (warm-up)"))
                .injectOpen(rampUsersPerSec(1).to(settings.rate()).during(settings.warmupSeconds()))
                .andThen(measured);

    setUp(run)
        .protocols(Publishing.protocol(settings))
        .assertions(
            details("publish to visible").failedRequests().percent().lte(settings.maxKoPercent()));
  }

  private ChainBuilder publishThenReadBack(String suffix) {
    return group("publish to visible" + suffix)
        .on(
            exec(Publishing.publish("publish" + suffix))
                .exitHereIfFailed()
                .group("projection lag" + suffix)
                .on(
                    exec(session ->
                            session
                                .set("visible", false)
                                .set("justBefore", predecessor(session.getString("postId"))))
                        .asLongAsDuring(session -> !session.getBoolean("visible"), visibleTimeout)
                        .on(pause(poll).exec(readProfile("read profile timeline" + suffix)))
                        .doIf(session -> !session.getBoolean("visible"))
                        .then(exec(session -> session.markAsFailed()))));
  }

  private ChainBuilder readProfile(String name) {
    return exec(
        http(name)
            .get(
                settings.timelineUrl()
                    + "/api/v1/accounts/#{accountId}/statuses?min_id=#{justBefore}&limit=1")
            .header("Authorization", "Bearer #{token}")
            .check(
                status().is(200),
                // NOTE: the transformation also sees a missing id (an empty page), as null.
                jsonPath("$[0].id")
                    .find()
                    .transformWithSession((id, session) -> session.getString("postId").equals(id))
                    .withDefault(false)
                    .saveAs("visible")));
  }

  /** The id one below, in PostgreSQL's order of uuids (unsigned, byte by byte). */
  static String predecessor(String id) {
    UUID uuid = UUID.fromString(id);
    long low = uuid.getLeastSignificantBits();
    long high = uuid.getMostSignificantBits();
    return new UUID(low == 0 ? high - 1 : high, low - 1).toString();
  }
}
