package org.agora.kit.api;

/**
 * A refusal with its HTTP status and a message for the client that names the field and the limit,
 * e.g. "status: 612 characters, at most 500".
 */
public class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "The access token is invalid");
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound() {
    return new ApiException(404, "Record not found");
  }

  public static ApiException unprocessable(String message) {
    return new ApiException(422, message);
  }
}
