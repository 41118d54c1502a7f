package org.linoconductor.step;

/**
 * A run refused at its start because of what it was asked to do: an unknown site, a site in the
 * wrong state or busy, a bad start variable. Thrown by start listeners, so the start's transaction
 * rolls back and nothing of the run remains. Camunda's REST API answers it with 400 and this message
 * ({@code api.RunRefusedMapper}). Not a ProcessEngineException on purpose: Camunda's start resource
 * would wrap one into a 500.
 */
public class RunRefusedException extends RuntimeException {

  public RunRefusedException(String message) {
    super(message);
  }

  public RunRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
