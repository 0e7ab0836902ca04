package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agora.testing.KeycloakTestRealm;

/**
 * Takedown latency: each virtual user publishes a post, waits until post-service serves it, has a
 * moderator (second factor) remove it through moderation-service, and then polls the single-post
 * read (post-service) and the author's profile timeline (timeline-service) until both stop showing
 * it. Group {@code takedown} runs from the decision's 201 to the post gone from both read paths
 * (wall clock, resolution {@code -DpollMillis}, default 10). {@code -DmoderationUrl} defaults to
 * moderation-service on 8084; other parameters as in {@link PublishSimulation}, rate 2 per second.
 * The moderator's token is taken once (it lives for the realm's access-token lifespan), so keep
 * warm-up plus duration under it.
 */
public class TakedownSimulation extends Simulation {
  private final BenchSettings settings = BenchSettings.read(2, 10);
  private final Duration poll = Duration.ofMillis(Long.getLong("pollMillis", 10));
  private final Duration timeout = Duration.ofSeconds(Long.getLong("takedownTimeout", 30));
  private final String moderationUrl =
      System.getProperty("moderationUrl", "http://127.0.0.1:8084").replaceAll("/$", "");

  {
    BenchSettings.requireLoopback(moderationUrl);
    System.out.printf(
        "TakedownSimulation: %s moderationUrl=%s pollMillis=%d%n",
        settings, moderationUrl, poll.toMillis());
    List<Map<String, Object>> users = BenchUsers.create("bench_takedown", settings.users());
    String moderatorToken = KeycloakTestRealm.staffUser("bench_mod", "moderator").accessToken();

    setUp(
            scenario("takedown")
                .feed(listFeeder(users).circular())
                .exec(session -> session.set("modToken", moderatorToken))
                .exec(publishAndWaitVisible())
                .exitHereIfFailed()
                .exec(remove())
                .exitHereIfFailed()
                .exec(
                    group("takedown")
                        .on(
                            exec(session ->
                                    session
                                        .set("gone", false)
                                        .set(
                                            "justBefore",
                                            PublishToVisibleSimulation.predecessor(
                                                session.getString("postId"))))
                                .asLongAsDuring(session -> !session.getBoolean("gone"), timeout)
                                .on(pause(poll).exec(readBoth()))
                                .doIf(session -> !session.getBoolean("gone"))
                                .then(exec(session -> session.markAsFailed()))))
                .injectOpen(
                    constantUsersPerSec(settings.rate()).during(settings.durationSeconds())))
        .protocols(Publishing.protocol(settings))
        .assertions(details("takedown").failedRequests().percent().lte(settings.maxKoPercent()));
  }

  private ChainBuilder publishAndWaitVisible() {
    return exec(Publishing.publish("publish"))
        .exitHereIfFailed()
        .exec(session -> session.set("status", 404))
        .asLongAsDuring(session -> session.getInt("status") != 200, Duration.ofSeconds(30))
        .on(
            pause(poll)
                .exec(
                    http("read post")
                        .get("/api/v1/statuses/#{postId}")
                        .check(status().saveAs("status"))));
  }

  /** The decision; retried while moderation-service has not projected the post yet (404). */
  private ChainBuilder remove() {
    return exec(session -> session.set("decided", 0))
        .asLongAsDuring(session -> session.getInt("decided") != 201, Duration.ofSeconds(30))
        .on(
            pause(poll)
                .exec(
                    http("remove post")
                        .post(moderationUrl + "/api/agora/v1/moderation/decisions")
                        .header("Authorization", "Bearer #{modToken}")
                        .header("Content-Type", "application/json")
                        .body(
                            StringBody(
                                "{\"action\":\"remove_post\",\"target\":\"#{postId}\","
                                    + "\"category\":\"spam\",\"groundType\":"
                                    + "\"incompatible_with_terms\",\"policyClause\":"
                                    + "\"terms.spam\",\"facts\":\"Benchmark takedown.\"}"))
                        .check(status().in(201, 404).saveAs("decided"))));
  }

  private ChainBuilder readBoth() {
    return exec(http("single read")
            .get("/api/v1/statuses/#{postId}")
            .check(status().in(200, 404).saveAs("single")))
        .exec(
            http("profile timeline")
                .get(
                    settings.timelineUrl()
                        + "/api/v1/accounts/#{accountId}/statuses?min_id=#{justBefore}&limit=1")
                .header("Authorization", "Bearer #{token}")
                .check(
                    status().is(200),
                    jsonPath("$[0].id")
                        .find()
                        .transformWithSession(
                            (id, session) -> !session.getString("postId").equals(id))
                        .withDefault(true)
                        .saveAs("timelineGone")))
        .exec(
            session ->
                session.set(
                    "gone", session.getInt("single") == 404 && session.getBoolean("timelineGone")));
  }
}
