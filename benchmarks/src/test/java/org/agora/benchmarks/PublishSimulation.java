package org.agora.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;

/**
 * Publishing at a fixed arrival rate: an open model, so a slow answer does not hold back the next
 * request and the latencies are not flattered by coordinated omission. A warm-up ramp runs first
 * under its own request name; the figures that count are those of {@code publish}.
 *
 * <p>{@code -DbaseUrl} (post-service on 8082 by default; the gateway is http://localhost:8080),
 * {@code -Drate} per second (25), {@code -Dduration} and {@code -Dwarmup} in seconds (60, 10),
 * {@code -Dusers} (50, or more when the rate limit needs them), {@code -DmaxKoPercent} (1).
 */
public class PublishSimulation extends Simulation {
  private final BenchSettings settings = BenchSettings.read(25, 50);

  {
    System.out.println("PublishSimulation: " + settings);
    List<Map<String, Object>> users = BenchUsers.create("bench", settings.users());

    PopulationBuilder measured =
        scenario("publish")
            .feed(listFeeder(users).circular())
            .exec(Publishing.publish("publish"))
            .injectOpen(constantUsersPerSec(settings.rate()).during(settings.durationSeconds()));
    PopulationBuilder run =
        settings.warmupSeconds() == 0
            ? measured
            : scenario("warm-up")
                .feed(listFeeder(users).circular())
                .exec(Publishing.publish("publish (warm-up)"))
                .injectOpen(rampUsersPerSec(1).to(settings.rate()).during(settings.warmupSeconds()))
                .andThen(measured);

    setUp(run)
        .protocols(Publishing.protocol(settings))
        .assertions(details("publish").failedRequests().percent().lte(settings.maxKoPercent()));
  }
}
