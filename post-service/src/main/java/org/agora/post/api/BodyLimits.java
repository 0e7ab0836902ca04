package org.agora.post.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.agora.kit.api.ErrorShapes;
import org.agora.post.config.PostLimits;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Only media uploads may be large; every other body is held to the JSON limit before it is read, as
 * the gateway does in front.
 */
public class BodyLimits {
  private final PostLimits limits;

  public BodyLimits(PostLimits limits) {
    this.limits = limits;
  }

  @ServerRequestFilter(preMatching = true)
  public Response limit(HttpServerRequest request) {
    String path = request.path();
    if (path.endsWith("/media")) {
      return null;
    }
    String length = request.getHeader("Content-Length");
    try {
      if (length != null && Long.parseLong(length) > limits.jsonBodyLimit()) {
        return Response.status(413)
            .type("application/json")
            .entity(ErrorShapes.mastodon("Request body too large"))
            .build();
      }
    } catch (NumberFormatException e) {
      return Response.status(400)
          .type("application/json")
          .entity(ErrorShapes.mastodon("Content-Length: not a number"))
          .build();
    }
    return null;
  }
}
