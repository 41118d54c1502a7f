package org.linoconductor.step;

/** BPMN error codes thrown by the step worker; the diagrams catch them with boundary events. */
public final class StepErrors {

  /** A step ended with a failure the operator must decide on (exit status, timeout, failed check). */
  public static final String STEP_FAILED = "STEP_FAILED";

  private StepErrors() {}
}
