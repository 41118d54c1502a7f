package org.linoconductor.api;

import org.springframework.http.HttpStatus;

/**
 * A failure an API caller can fix: it becomes {@code {"error": message, "field": field}} with its
 * status. The message says what is wrong and what to do, because the caller sees nothing else.
 */
public abstract class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  protected ApiException(HttpStatus status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  /** The request field at fault, or null when the request as a whole is. */
  public String field() {
    return field;
  }
}
