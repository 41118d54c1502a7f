package org.linoconductor.step;

import java.time.Instant;

/** The record of one execution of a step, as kept in table {@code step_run}. */
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
    String node) {

  public enum Status {
    RUNNING,
    SUCCEEDED,
    SKIPPED,
    FAILED,
    /** A technical error (not a failed command): the engine shows it as an incident. */
    ERROR,
    /** Found RUNNING after a restart: never re-run blindly, an incident asks a person. */
    INTERRUPTED,
    /** Dry run: the command was rendered, not executed. */
    RENDERED
  }
}
