package org.linoconductor.site;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/** A site request that breaks a rule; the message says which and how to fix it. */
public class InvalidSiteException extends ApiException {

  InvalidSiteException(String field, String message) {
    super(HttpStatus.BAD_REQUEST, field, message);
  }
}
