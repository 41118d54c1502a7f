package org.linoconductor.step;

/**
 * One action of a procedure (stop services, make snapshot, restore, ...).
 *
 * <p>Every step is reached by the engine as an external task of its {@link #topic()}, so that
 * steps running for hours never hold a job lock or a database transaction open.
 */
public interface Step {

  /** The external-task topic of this step; the same step may serve several processes. */
  String topic();

  /**
   * Whether the step can change the site's data or code. Such steps are never retried
   * automatically: a person decides.
   */
  boolean changesSite();

  /** Runs the step; a failure the operator must see is an outcome, not an exception. */
  StepOutcome execute(StepContext context);
}
