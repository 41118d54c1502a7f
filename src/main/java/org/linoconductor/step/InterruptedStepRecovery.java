package org.linoconductor.step;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The crash rule: a step whose record still says RUNNING was cut off (Conductor stopped or
 * crashed mid-step). Half of a restore may have happened, so it is never re-run blindly: the
 * record becomes INTERRUPTED and the task an incident that a person resolves in Cockpit.
 */
@Component
class InterruptedStepRecovery {

  private static final Logger log = LoggerFactory.getLogger(InterruptedStepRecovery.class);

  private final StepRunRepository records;
  private final ExternalTaskService engine;
  private final StepProperties properties;

  InterruptedStepRecovery(StepRunRepository records, ExternalTaskService engine, StepProperties properties) {
    this.records = records;
    this.engine = engine;
    this.properties = properties;
  }

  /** At start-up: every step this node left RUNNING becomes an incident. */
  void reportInterruptedSteps() {
    for (StepRun run : records.runningOn(properties.node())) {
      interrupt(run);
    }
  }

  /** At fetch: a task with a RUNNING record is one whose worker died; it becomes an incident. */
  boolean wasInterrupted(LockedExternalTask task) {
    Optional<StepRun> running = records.runningFor(task.getId());
    running.ifPresent(this::interrupt);
    return running.isPresent();
  }

  private void interrupt(StepRun run) {
    String message = "Step " + run.step() + " on site " + run.site() + " was interrupted: it started at "
        + run.startedAt() + " on " + run.node() + " and never finished (Conductor stopped or crashed)."
        + " Check the site and the step's log, then set this task's retries in Cockpit to run it again,"
        + " or cancel the run.";
    records.markInterrupted(run.id(), message, Instant.now());
    log.error("STEP-030 {} (run {})", message, run.processInstanceId());
    if (run.externalTaskId() == null
        || engine.createExternalTaskQuery().externalTaskId(run.externalTaskId()).count() == 0) {
      return;
    }
    try {
      engine.handleFailure(run.externalTaskId(), properties.node(), message, null, 0, 0);
    } catch (RuntimeException e) {
      // Locked by another worker: make it an incident all the same.
      engine.setRetries(run.externalTaskId(), 0);
    }
  }
}
