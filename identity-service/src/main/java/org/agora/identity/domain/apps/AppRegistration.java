package org.agora.identity.domain.apps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.agora.events.text.UserText;
import org.agora.events.text.UserText.Lines;

/**
 * A Mastodon app's registration ({@code POST /api/v1/apps}) after its rules: a name of at most
 * {@value #MAX_NAME} characters, 1 to {@value #MAX_REDIRECTS} absolute redirect URIs (or the
 * out-of-band URN), Mastodon's top-level scopes only, and an optional http(s) website.
 */
public record AppRegistration(
    String name, List<String> redirectUris, List<String> scopes, String website) {
  public static final int MAX_NAME = 100;
  public static final int MAX_REDIRECTS = 10;
  public static final int MAX_URI = 2000;
  public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";
  public static final Set<String> SCOPES = Set.of("read", "write", "follow", "push", "profile");

  /**
   * Reads the raw form fields; {@code redirectUris} is newline- or space-separated, as Mastodon
   * takes it.
   */
  public static AppRegistration of(
      String clientName, List<String> redirectUris, String scopes, String website) {
    // NOTE: the name is shown when a person is asked to authorise the app: a bidirectional
    // override in it could make it read as another app's.
    String name =
        UserText.required(
            "client_name",
            clientName,
            MAX_NAME,
            Lines.ONE,
            message -> new AppRejected("client_name", message));
    List<String> uris = new ArrayList<>();
    for (String field : redirectUris == null ? List.<String>of() : redirectUris) {
      for (String uri : field.strip().split("\\s+")) {
        if (!uri.isEmpty()) {
          uris.add(checkedRedirect(uri));
        }
      }
    }
    if (uris.isEmpty()) {
      throw new AppRejected("redirect_uris", "redirect_uris can't be blank");
    }
    if (uris.size() > MAX_REDIRECTS) {
      throw new AppRejected("redirect_uris", "redirect_uris: at most " + MAX_REDIRECTS + " URIs");
    }
    var granted = new LinkedHashSet<String>();
    String requested = scopes == null || scopes.isBlank() ? "read" : scopes;
    for (String scope : requested.strip().split("[\\s+]+")) {
      if (!SCOPES.contains(scope)) {
        throw new AppRejected(
            "scopes",
            "scopes: unknown scope '" + scope + "' (allowed: read, write, follow, push, profile)");
      }
      granted.add(scope);
    }
    String site = website == null || website.isBlank() ? null : website.strip();
    if (site != null && !isHttpUrl(site)) {
      throw new AppRejected(
          "website", "website: must be an http or https URL of at most 2000 characters");
    }
    return new AppRegistration(name, List.copyOf(uris), List.copyOf(granted), site);
  }

  private static String checkedRedirect(String uri) {
    if (uri.length() > MAX_URI) {
      throw new AppRejected(
          "redirect_uris", "redirect_uris: a URI is longer than " + MAX_URI + " characters");
    }
    if (uri.equals(OUT_OF_BAND)) {
      return uri;
    }
    try {
      URI parsed = new URI(uri);
      if (!parsed.isAbsolute() || parsed.getFragment() != null || uri.contains("*")) {
        throw new AppRejected(
            "redirect_uris",
            "redirect_uris: '" + uri + "' must be an absolute URI without fragment or wildcard");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new AppRejected("redirect_uris", "redirect_uris: '" + uri + "' is not a valid URI");
    }
  }

  private static boolean isHttpUrl(String url) {
    if (url.length() > MAX_URI) {
      return false;
    }
    try {
      URI parsed = new URI(url);
      return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
          && parsed.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
