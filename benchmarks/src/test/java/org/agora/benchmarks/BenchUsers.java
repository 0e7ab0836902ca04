package org.agora.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.agora.testing.KeycloakTestRealm;
import org.agora.testing.TestUser;

/**
 * Verified users made in the local Keycloak before a run, each with an access token: the feeder
 * records ({@code accountId}, {@code token}) that the simulations spread their posts over.
 */
final class BenchUsers {
  private static final int PARALLEL = 4;

  private BenchUsers() {}

  static List<Map<String, Object>> create(String prefix, int count) {
    long start = System.nanoTime();
    try (var pool = Executors.newFixedThreadPool(PARALLEL)) {
      List<Future<Map<String, Object>>> made =
          IntStream.range(0, count).mapToObj(i -> pool.submit(() -> record(prefix))).toList();
      List<Map<String, Object>> records = made.stream().map(BenchUsers::join).toList();
      System.out.printf(
          "%d verified users with tokens in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
      return records;
    }
  }

  private static Map<String, Object> record(String prefix) {
    TestUser user = KeycloakTestRealm.verifiedUser(prefix);
    return Map.of("accountId", user.id(), "token", user.accessToken());
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("setting up the benchmark users", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
