package org.linoconductor.step;

import org.linoconductor.api.ApiException;
import org.springframework.http.HttpStatus;

/** A step agent asked for a task or record that is not its own, or not in a state to be changed. */
public class AgentRefusedException extends ApiException {

  public AgentRefusedException(String message) {
    super(HttpStatus.FORBIDDEN, null, message);
  }
}
