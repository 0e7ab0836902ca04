package org.agora.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few plain HTTP calls the benchmarks make outside Gatling (set-up, polling, admin). */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  static JsonNode get(String url, String token) {
    return call(HttpRequest.newBuilder(URI.create(url)).GET(), token, 200);
  }

  static JsonNode post(String url, String token, String json, int expected) {
    return call(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        token,
        expected);
  }

  private static JsonNode call(HttpRequest.Builder request, String token, int expected) {
    try {
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      var response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            response.request().uri() + ": " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
