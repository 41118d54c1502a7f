package org.linoconductor.audit;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/**
 * No run, step or log with that id that the caller may see. The same answer whether it does not
 * exist or belongs to a site the caller is not a tester of: a run's existence is not revealed.
 */
class RunNotFoundException extends ApiException {

  RunNotFoundException(String what) {
    super(HttpStatus.NOT_FOUND, null, "No " + what + ": it does not exist or is not yours to see. The runs you"
        + " may see are listed at /api/runs.");
  }
}
