package org.linoconductor.step;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A run refused at its start because of what it was asked to do: an unknown site, a site in the
 * wrong state or busy, a bad start variable. Thrown by start listeners, so the start's transaction
 * rolls back and nothing of the run remains; as a {@link BadUserRequestException} Camunda's REST API
 * answers 400 with this message instead of 500.
 */
public class RunRefusedException extends BadUserRequestException {

  public RunRefusedException(String message) {
    super(message);
  }

  public RunRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
