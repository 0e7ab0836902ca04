package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * Home timeline reads under write load: {@code -DreadRate} reads/s (1,000) of the first page (limit
 * 20) of random followers' homes, while authors publish {@code -Drate} posts/s (20); every follower
 * ({@code -Dfollowers}, 100) follows every author, so the homes hold fanned-out posts. Reads ramp
 * up during the warm-up under their own request name; the figures that count are those of {@code
 * read home}.
 */
public class HomeReadSimulation extends Simulation {
  private final BenchSettings settings = BenchSettings.read(20, 10);
  private final double readRate = Double.parseDouble(System.getProperty("readRate", "1000"));
  private final int followers = Integer.getInteger("followers", 100);

  {
    System.out.printf(
        "HomeReadSimulation: %s readRate=%s followers=%d%n", settings, readRate, followers);
    HomeNetwork network = HomeNetwork.create(settings, followers);
    int warmup = Math.max(1, settings.warmupSeconds());

    var write =
        scenario("write")
            .feed(listFeeder(network.authors()).circular())
            .exec(Publishing.publish("publish"))
            .injectOpen(
                constantUsersPerSec(settings.rate()).during(warmup + settings.durationSeconds()));
    var warmUpReads =
        scenario("read warm-up")
            .feed(listFeeder(network.followers()).random())
            .exec(read("read home (warm-up)"))
            .injectOpen(rampUsersPerSec(1).to(readRate).during(warmup));
    var reads =
        scenario("read")
            .feed(listFeeder(network.followers()).random())
            .exec(read("read home"))
            .injectOpen(constantUsersPerSec(readRate).during(settings.durationSeconds()));

    setUp(write, warmUpReads.andThen(reads))
        .protocols(Publishing.protocol(settings))
        .assertions(details("read home").failedRequests().percent().lte(settings.maxKoPercent()));
  }

  private io.gatling.javaapi.http.HttpRequestActionBuilder read(String name) {
    return http(name)
        .get(settings.timelineUrl() + "/api/v1/timelines/home?limit=20")
        .header("Authorization", "Bearer #{followerToken}")
        .check(status().is(200));
  }
}
