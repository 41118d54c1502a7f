package org.linoconductor.site;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/** The request contradicts what is registered: a duplicate name or a forbidden state change. */
public class SiteConflictException extends ApiException {

  SiteConflictException(String field, String message) {
    super(HttpStatus.CONFLICT, field, message);
  }
}
