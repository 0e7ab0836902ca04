package org.agora.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where every service turns failures into Mastodon or problem JSON answers. */
public class ApiExceptionMappers {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    return answer(e.status(), e.getMessage(), uri);
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    return answer(401, "The access token is invalid", uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return answer(403, "This action is not allowed", uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    return answer(400, describe(e), uri);
  }

  // NOTE: named apart from JsonProcessingException so it wins over the built-in mapper of
  // quarkus-rest-jackson, which answers with a body of its own.
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return answer(400, describe(e), uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return answer(400, describe(json), uri);
    }
    if (status >= 500) {
      LOG.error("request failed", e);
      return answer(status, "Internal server error", uri);
    }
    String message =
        switch (status) {
          case 400 -> "Bad request";
          case 404 -> "Record not found";
          case 405 -> "Method not allowed";
          case 406 -> "Not acceptable";
          case 413 -> "Request body too large";
          case 415 -> "Unsupported media type";
          default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
    return answer(status, message, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, UriInfo uri) {
    LOG.error("request failed", e);
    return answer(500, "Internal server error", uri);
  }

  private static String describe(JsonProcessingException e) {
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      String expected =
          mismatch instanceof InvalidFormatException invalid
              ? invalid.getTargetType().getSimpleName()
              : mismatch.getTargetType() == null
                  ? "value"
                  : mismatch.getTargetType().getSimpleName();
      return field + ": expected " + expected.toLowerCase() + " value";
    }
    var location = e.getLocation();
    return location == null
        ? "Malformed JSON body"
        : "Malformed JSON body at line "
            + location.getLineNr()
            + ", column "
            + location.getColumnNr();
  }

  static Response answer(int status, String message, UriInfo uri) {
    String path = uri == null ? null : uri.getPath();
    if (ErrorShapes.isAgoraPath(path)) {
      String title =
          Response.Status.fromStatusCode(status) == null
              ? "Error"
              : Response.Status.fromStatusCode(status).getReasonPhrase();
      return Response.status(status)
          .type(ErrorShapes.PROBLEM_JSON)
          .entity(ErrorShapes.problem(status, title, message, path))
          .build();
    }
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorShapes.mastodon(message))
        .build();
  }
}
