package org.agora.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every post's publish → visible interval over a run, as timeline-service measures it: the
 * difference of its histogram {@code agora_timeline_publish_to_visible_seconds} (publication time
 * to the commit that fanned the post out) between the start and the end of the run. It covers every
 * post, where the harness follows a sample; it does not cover the reader's request. Quantiles are
 * the upper bounds of the histogram's buckets, so they round up, never down.
 */
final class ServerSideVisibility {
  static final String METRIC = "agora_timeline_publish_to_visible_seconds";
  private static final Pattern BUCKET =
      Pattern.compile(
          "^" + METRIC + "_bucket\\{le=\"([^\"]+)\"\\}\\s+([0-9.eE+-]+)\\s*$", Pattern.MULTILINE);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String metricsUrl;
  private final NavigableMap<Double, Double> atStart;

  private ServerSideVisibility(String metricsUrl, NavigableMap<Double, Double> atStart) {
    this.metricsUrl = metricsUrl;
    this.atStart = atStart;
  }

  static ServerSideVisibility start(String metricsUrl) {
    return new ServerSideVisibility(metricsUrl, buckets(scrape(metricsUrl)));
  }

  /** The run's figures as one line, from the histogram now less the histogram at the start. */
  String report() {
    var run = minus(buckets(scrape(metricsUrl)), atStart);
    double posts = run.isEmpty() ? 0 : run.lastEntry().getValue();
    if (posts == 0) {
      return "server side (every post, publishedAt → fan-out commit): no post made visible";
    }
    return "server side (every post, publishedAt → fan-out commit): posts=%.0f p50<=%s p95<=%s p99<=%s"
        .formatted(
            posts,
            millis(quantile(run, 0.50)),
            millis(quantile(run, 0.95)),
            millis(quantile(run, 0.99)));
  }

  /** Cumulative bucket counts by upper bound (seconds; +Inf as infinity) from a Prometheus text. */
  static NavigableMap<Double, Double> buckets(String prometheusText) {
    NavigableMap<Double, Double> buckets = new TreeMap<>();
    var matcher = BUCKET.matcher(prometheusText);
    while (matcher.find()) {
      String le = matcher.group(1);
      double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      buckets.put(bound, Double.parseDouble(matcher.group(2)));
    }
    return buckets;
  }

  /** Bucket by bucket, the counts of {@code end} less those of {@code start}. */
  static NavigableMap<Double, Double> minus(
      NavigableMap<Double, Double> end, NavigableMap<Double, Double> start) {
    NavigableMap<Double, Double> run = new TreeMap<>();
    for (Map.Entry<Double, Double> bucket : end.entrySet()) {
      run.put(bucket.getKey(), bucket.getValue() - start.getOrDefault(bucket.getKey(), 0.0));
    }
    return run;
  }

  /** The smallest bucket bound holding at least the fraction {@code q} of the observations. */
  static double quantile(NavigableMap<Double, Double> cumulative, double q) {
    double total = cumulative.lastEntry().getValue();
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= q * total) {
        return bucket.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static String millis(double seconds) {
    return Double.isInfinite(seconds) ? "+Inf" : "%.0f ms".formatted(seconds * 1000);
  }

  private static String scrape(String url) {
    try {
      var response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("scraping " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
