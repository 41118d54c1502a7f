package org.linoconductor.audit;

import java.time.Duration;
import java.time.Instant;
import org.linoconductor.step.StepRun;

/**
 * One step execution of a run as the API and the page show it.
 *
 * @param summary what the step reported; for a SKIPPED step, why it was skipped
 * @param logUrl the full log, or null when the step wrote none
 * @param tailUrl the log from a byte offset on, for watching a running step
 */
record StepView(
    long id,
    String activityId,
    String step,
    StepRun.Status status,
    String command,
    Instant startedAt,
    Instant finishedAt,
    Long durationMillis,
    Integer exitStatus,
    String summary,
    String tail,
    String logPath,
    String logUrl,
    String tailUrl,
    String node) {

  static StepView of(StepRun run, boolean hasLog) {
    String base = "/api/runs/" + run.processInstanceId() + "/steps/" + run.id();
    return new StepView(run.id(), run.activityId(), run.step(), run.status(), run.command(), run.startedAt(),
        run.finishedAt(), run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()).toMillis(),
        run.exitStatus(), run.summary(), run.tail(), run.logPath(), hasLog ? base + "/log" : null,
        base + "/tail", run.node());
  }
}
