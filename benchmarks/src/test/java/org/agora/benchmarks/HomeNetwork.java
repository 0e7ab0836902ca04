package org.agora.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The social graph of a home-timeline run: authors who publish and followers who each follow every
 * author (so each post fans out to {@code followers} homes), made before the run.
 */
record HomeNetwork(List<Map<String, Object>> authors, List<Map<String, Object>> followers) {

  static HomeNetwork create(BenchSettings settings, int followers) {
    List<Map<String, Object>> authors = BenchUsers.create("bench_author", settings.users());
    List<Map<String, Object>> readers =
        BenchUsers.create("bench_follower", followers).stream()
            .map(
                r ->
                    Map.<String, Object>of(
                        "followerId", r.get("accountId"), "followerToken", r.get("token")))
            .toList();
    TimelineLog.followAll(
        readers.stream().map(r -> (String) r.get("followerId")).toList(),
        authors.stream().map(a -> (String) a.get("accountId")).toList());
    var network = new HomeNetwork(authors, readers);
    network.awaitGraph(settings);
    TimelineLog.awaitConsumers("identity.follows", Duration.ofSeconds(300));
    // NOTE: nor may a run start on the backlog of the one before (a run that fell behind leaves
    // posts and verdicts still to project); it would be measured as this run's latency.
    TimelineLog.awaitConsumers("posts.events", Duration.ofSeconds(300));
    TimelineLog.awaitConsumers("moderation.decisions", Duration.ofSeconds(300));
    return network;
  }

  /**
   * Waits until the timeline has the graph: a probe post of the last author shows in the last
   * follower's home (the follows of one follower are applied in order).
   */
  private void awaitGraph(BenchSettings settings) {
    var author = authors.get(authors.size() - 1);
    var follower = followers.get(followers.size() - 1);
    String id =
        Http.post(
                settings.baseUrl() + "/api/v1/statuses",
                (String) author.get("token"),
                "{\"status\":\"probe: the graph is in place\"}",
                200)
            .get("id")
            .asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      var page =
          Http.get(
              settings.timelineUrl() + "/api/v1/timelines/home?limit=40",
              (String) follower.get("followerToken"));
      for (var status : page) {
        if (id.equals(status.get("id").asText())) {
          System.out.println("graph in place: the probe post reached a follower's home");
          return;
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the follow graph did not reach the timeline in 120 s");
  }
}
