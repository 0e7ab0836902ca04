package org.agora.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mastodon's instance description (v1), which client apps read first to learn the server's limits.
 * The version names a Mastodon API level for clients that switch on it.
 */
@Path("/api/v1/instance")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {
  public static final String VERSION = "4.2.0 (compatible; Agora 0.1.0)";
  static final int MAX_CHARACTERS = 500;

  private final String publicUrl;

  public InstanceResource(@ConfigProperty(name = "agora.public-url") String publicUrl) {
    this.publicUrl = publicUrl;
  }

  @GET
  public Instance instance() {
    String host = URI.create(publicUrl).getAuthority();
    return new Instance(
        host,
        "Agora",
        "Microblogging where delete means gone and moderation is on the record.",
        "Agora is an event-sourced microblogging server: posts are sealed per post, deletions"
            + " shred their keys, and every moderation decision is an event with its reasons.",
        "",
        VERSION,
        Map.of("streaming_api", publicUrl.replaceFirst("^http", "ws")),
        Map.of("user_count", 0, "status_count", 0, "domain_count", 1),
        null,
        List.of("en", "de"),
        true,
        false,
        false,
        Map.of(
            "statuses",
            Map.of(
                "max_characters", MAX_CHARACTERS,
                "max_media_attachments", 4,
                "characters_reserved_per_url", 23),
            "accounts",
            Map.of("max_featured_tags", 0)),
        List.of());
  }

  /** Mastodon's Instance entity (v1). */
  public record Instance(
      String uri,
      String title,
      @JsonProperty("short_description") String shortDescription,
      String description,
      String email,
      String version,
      Map<String, String> urls,
      Map<String, Integer> stats,
      String thumbnail,
      List<String> languages,
      boolean registrations,
      @JsonProperty("approval_required") boolean approvalRequired,
      @JsonProperty("invites_enabled") boolean invitesEnabled,
      Map<String, Object> configuration,
      List<Object> rules) {}
}
