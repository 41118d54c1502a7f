package org.linoconductor.step;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.shell.ShellProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The crash rule: a step whose record still says RUNNING was cut off (Conductor stopped or crashed
 * mid-step). When Conductor starts, before anything else (before the web server and the worker), what
 * is left of its command is ended (TERM, then KILL: the processes of its session), the record says
 * what was found, and the run goes to the same decision as after a failed step (retry, roll back,
 * abort) with the log's last lines and the warning that it was interrupted. Half of a restore may
 * have happened, so it is never re-run blindly. Results the engine had not taken yet are reported.
 */
@Component
class InterruptedStepRecovery implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InterruptedStepRecovery.class);
  /** Before the web server (which starts in the last phases) and the step worker. */
  private static final int PHASE = Integer.MIN_VALUE + 1000;
  private static final int TAIL_BYTES = 16 * 1024;

  private final StepRunRepository records;
  private final ExternalTaskService engine;
  private final StepProperties properties;
  private final ShellProperties shell;
  private final StepLogs logs;
  private final StepFailedCatch failedCatch;
  private final ResultReporter reporter;
  private volatile boolean running;

  InterruptedStepRecovery(StepRunRepository records, ExternalTaskService engine, StepProperties properties,
      ShellProperties shell, StepLogs logs, StepFailedCatch failedCatch, ResultReporter reporter) {
    this.records = records;
    this.engine = engine;
    this.properties = properties;
    this.shell = shell;
    this.logs = logs;
    this.failedCatch = failedCatch;
    this.reporter = reporter;
  }

  @Override
  public void start() {
    running = true;
    if (properties.workerEnabled()) {
      reportInterruptedSteps();
      reporter.retryPending();
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** At start-up: every step this node left RUNNING is ended and goes to its decision. */
  void reportInterruptedSteps() {
    for (StepRun run : records.runningOn(properties.node())) {
      interrupt(run);
    }
  }

  /**
   * At fetch, for a task with a record that is not done ({@link StepRunRepository#unfinishedFor}): a
   * RUNNING one is a step whose worker died, which goes to its decision; a finished one's result is
   * reported. Either way the step is not run again.
   */
  void resume(StepRun unfinished) {
    if (unfinished.status() == StepRun.Status.RUNNING) {
      interrupt(unfinished);
    } else {
      reporter.report(unfinished);
    }
  }

  private void interrupt(StepRun run) {
    Optional<Path> logFile = logs.of(run);
    interrupt(run, endLeftovers(run), logFile.map(file -> StepLogs.lastLines(file, TAIL_BYTES)).orElse(""));
  }

  /**
   * The step goes to its decision as interrupted.
   *
   * @param leftovers what was left of its command and what became of it (ended here, or by its step agent)
   * @param tail the last lines of its log (read where the log is: here, or on the agent's host)
   */
  void interrupt(StepRun run, String leftovers, String tail) {
    Optional<Path> logFile = run.logPath() != null ? Optional.of(Path.of(run.logPath())) : logs.of(run);
    String message = "Step " + run.step() + " on site " + run.site() + " was interrupted: it started at "
        + run.startedAt() + " on " + run.node() + " and never finished (Conductor stopped or crashed). "
        + leftovers + " It may have done part of its work: check the site and the step's log, then retry,"
        + " roll back or abort.";
    Handover handover = handover(run, message, tail, logFile);
    records.markInterrupted(run.id(), message, logFile.map(Path::toString).orElse(null), tail, Instant.now(),
        handover);
    log.error("STEP-030 {} (run {})", message, run.processInstanceId());
    reporter.report(records.unfinishedFor(run.externalTaskId()).orElseThrow());
  }

  /** Ends what is left of the step's command; says what that was. */
  private String endLeftovers(StepRun run) {
    ProcessSession session = run.session();
    if (session == null) {
      return "No command of it was recorded as running.";
    }
    if (!run.node().equals(properties.node())) {
      return "Its command ran in session " + session.id() + " on " + run.node()
          + ": end what is left of it there (pkill -s " + session.id() + ").";
    }
    ProcessSession.Ending ending = session.end(shell.killGrace());
    if (!ending.found().isEmpty()) {
      log.warn("STEP-031 Site {}: step {} (run {}) was interrupted; {}", run.site(), run.step(),
          run.processInstanceId(), ending.describe());
    }
    return "Its command ran in session " + session.id() + ": " + ending.describe() + ".";
  }

  /** The same decision as a failed step where the diagram has one, else an incident. */
  private Handover handover(StepRun run, String message, String tail, Optional<Path> logFile) {
    ExternalTask task = run.externalTaskId() == null ? null
        : engine.createExternalTaskQuery().externalTaskId(run.externalTaskId()).singleResult();
    if (task == null || !failedCatch.caught(task.getProcessDefinitionId(), run.activityId())) {
      return Handover.failure(FailureVariables.lastChars(message), null, 0, 0);
    }
    return Handover.bpmnError(StepErrors.STEP_FAILED, FailureVariables.lastChars(message),
        FailureVariables.of(run.step(), run.activityId(), message, null, tail,
            logFile.map(Path::toString).orElse(""), Map.of()));
  }
}
