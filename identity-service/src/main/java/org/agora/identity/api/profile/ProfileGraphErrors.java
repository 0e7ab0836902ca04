package org.agora.identity.api.profile;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.agora.identity.domain.graph.GraphRefused;
import org.agora.identity.domain.profile.ProfileRejected;
import org.agora.kit.api.ApiException;
import org.agora.kit.api.ApiExceptionMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns profile and graph refusals of the domain into the service's error answers. */
public class ProfileGraphErrors {
  private final ApiExceptionMappers mappers = new ApiExceptionMappers();

  @ServerExceptionMapper
  public Response profile(ProfileRejected e, UriInfo uri) {
    return mappers.api(ApiException.unprocessable(e.getMessage()), uri);
  }

  @ServerExceptionMapper
  public Response graph(GraphRefused e, UriInfo uri) {
    int status =
        switch (e.reason()) {
          case UNPROCESSABLE -> 422;
          case FORBIDDEN -> 403;
          case TOO_MANY -> 429;
        };
    return mappers.api(new ApiException(status, e.getMessage()), uri);
  }
}
