package org.linoconductor.security;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/** An authenticated user who is not an operator asked for something only operators may do. */
class NotAnOperatorException extends ApiException {

  NotAnOperatorException(String user, String action) {
    super(HttpStatus.FORBIDDEN, null, "User '" + user + "' may not " + action + ": only members of"
        + " group '" + ConductorGroups.OPERATORS + "' may. Ask an administrator to add you to that"
        + " group in Camunda Admin.");
  }
}
