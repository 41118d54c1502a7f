package org.linoconductor.agent;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/** A step agent's request lacks what the server needs to record it: nothing was recorded. */
class BadAgentRequestException extends ApiException {

  BadAgentRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, field, message);
  }

  /** @throws BadAgentRequestException when {@code value} is missing */
  static <T> T required(String field, T value) {
    if (value == null) {
      throw new BadAgentRequestException(field, "'" + field + "' is missing: nothing was recorded.");
    }
    return value;
  }
}
