package org.linoconductor.audit;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/** A filter, page or offset the caller can correct; the message says how. */
class BadRunRequestException extends ApiException {

  BadRunRequestException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, field, message);
  }
}
