package org.agora.identity.signup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real mails GreenMail received (its HTTP API on 8025), and a small browser that follows the
 * action links in them straight to Keycloak (the gateway may not run in module tests).
 */
public final class Mailbox {
  public static final String GREENMAIL_API =
      System.getProperty("AGORA_GREENMAIL_API", "http://127.0.0.1:8025");
  private static final Pattern ACTION_LINK =
      Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Mail(String subject, String body) {}

  private Mailbox() {}

  /** Every mail to the address, waiting up to {@code wait} until there are at least {@code n}. */
  public static List<Mail> mails(String address, int n, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    List<Mail> mails = List.of();
    while (Instant.now().isBefore(deadline)) {
      mails = fetch(address);
      if (mails.size() >= n) {
        return mails;
      }
      sleep(250);
    }
    return mails;
  }

  private static List<Mail> fetch(String address) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          GREENMAIL_API
                              + "/api/user/"
                              + URLEncoder.encode(address, StandardCharsets.UTF_8)
                              + "/messages"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return List.of();
      }
      List<Mail> mails = new ArrayList<>();
      for (JsonNode message : JSON.readTree(response.body())) {
        mails.add(new Mail(message.path("subject").asText(), message.path("mimeMessage").asText()));
      }
      return mails;
    } catch (IOException e) {
      throw new IllegalStateException("GreenMail at " + GREENMAIL_API + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first Keycloak action link in the mail, rewritten to reach Keycloak directly. */
  public static String actionLink(Mail mail) {
    // Quoted-printable soft line breaks would cut the link.
    String body = mail.body().replace("=\r\n", "").replace("=3D", "=");
    Matcher matcher = ACTION_LINK.matcher(body);
    if (!matcher.find()) {
      throw new AssertionError("no action link in mail '" + mail.subject() + "'");
    }
    return direct(matcher.group().replace("&amp;", "&"));
  }

  /** http://localhost:8080/auth/realms/… (through the gateway) → http://127.0.0.1:8180/realms/…. */
  public static String direct(String link) {
    return link.replaceFirst(
        "^https?://[^/]+/auth/",
        org.agora.testing.TestStack.keycloakUrl().replaceAll("/+$", "") + "/");
  }

  /**
   * Follows a link like a browser: redirects and Keycloak's "click here to proceed" pages, with
   * every cookie sent back whatever its path (the cookies name the gateway's /auth path). Answers
   * the last page.
   */
  public static String follow(String link) {
    return new Browser().follow(link);
  }

  /** A cookie-keeping client that reaches Keycloak directly, for mailed links and their forms. */
  public static final class Browser {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public HttpResponse<String> send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            String.join(
                "; ",
                cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      try {
        HttpResponse<String> response =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
          String pair = cookie.split(";", 2)[0];
          int eq = pair.indexOf('=');
          if (eq > 0) {
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
        return response;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Follows redirects and "proceed" links; answers the last page. */
    public String follow(String link) {
      String url = link;
      String page = "";
      for (int step = 0; step < 6; step++) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        page = response.body();
        if (response.statusCode() / 100 == 3) {
          url =
              direct(
                  URI.create(url)
                      .resolve(response.headers().firstValue("Location").orElseThrow())
                      .toString());
          continue;
        }
        Matcher proceed = ACTION_LINK.matcher(page.replace("&amp;", "&"));
        if (response.statusCode() == 200 && proceed.find() && !proceed.group().equals(link)) {
          url = direct(proceed.group());
          continue;
        }
        return page;
      }
      return page;
    }

    /** Submits the page's form with these fields. */
    public HttpResponse<String> submit(String page, Map<String, String> fields) {
      Matcher action = FORM_ACTION.matcher(page);
      if (!action.find()) {
        throw new AssertionError("no form on the page");
      }
      String body =
          String.join(
              "&",
              fields.entrySet().stream()
                  .map(
                      e ->
                          URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                              + "="
                              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                  .toList());
      return send(
          HttpRequest.newBuilder(URI.create(direct(action.group(1).replace("&amp;", "&"))))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
