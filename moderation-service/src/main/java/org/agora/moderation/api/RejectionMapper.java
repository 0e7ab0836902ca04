package org.agora.moderation.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.agora.kit.api.ApiException;
import org.agora.kit.api.ApiExceptionMappers;
import org.agora.moderation.domain.ModerationRejected;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain refusals in the shape of the path (Mastodon error or problem JSON). */
public class RejectionMapper {
  private final ApiExceptionMappers shapes = new ApiExceptionMappers();

  @ServerExceptionMapper
  public Response rejected(ModerationRejected e, UriInfo uri) {
    return shapes.api(api(e), uri);
  }

  static ApiException api(ModerationRejected e) {
    int status =
        switch (e.kind()) {
          case INVALID -> 422;
          case FORBIDDEN -> 403;
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case TOO_MANY -> 429;
        };
    return new ApiException(status, e.getMessage());
  }
}
