package org.linoconductor.step;

import java.time.Instant;
import org.linoconductor.shell.ProcessSession;

/**
 * The record of one execution of a step, as kept in table {@code step_run}.
 *
 * @param session the session of the command the step runs, or ran last; {@code null} when none was seen
 * @param reportNote refusals of the engine and when it took the result, for the operator
 */
public record StepRun(
    long id,
    String processInstanceId,
    String processKey,
    String activityId,
    String externalTaskId,
    String site,
    String step,
    Status status,
    String command,
    Instant startedAt,
    Instant finishedAt,
    Integer exitStatus,
    String logPath,
    String tail,
    String summary,
    String node,
    ProcessSession session,
    ReportState reportState,
    String reportNote) {

  /**
   * Whether the engine has taken what the finished step told it ({@code null} while it runs).
   * PENDING: refused so far (instance suspended, lock lost, Conductor restarted in between), reported
   * again, never run again; REPORTED: taken; GONE: the task no longer exists (the run was deleted).
   */
  public enum ReportState { PENDING, REPORTED, GONE }

  public enum Status {
    RUNNING,
    SUCCEEDED,
    SKIPPED,
    FAILED,
    /** A technical error (not a failed command): the engine shows it as an incident. */
    ERROR,
    /**
     * Found RUNNING after a restart: what was left of its command was ended, and the run waits at the
     * same decision as after a failed step. Never re-run blindly.
     */
    INTERRUPTED,
    /** Dry run: the command was rendered, not executed. */
    RENDERED
  }
}
