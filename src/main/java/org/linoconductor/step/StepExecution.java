package org.linoconductor.step;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.linoconductor.shell.RenderingShellRunner;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.shell.ShellSetupException;
import org.linoconductor.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fetched external task: records it, keeps its lock alive while the step runs, and
 * hands the outcome back to the engine on the channel the diagram expects.
 */
final class StepExecution {

  private static final Logger log = LoggerFactory.getLogger(StepExecution.class);
  /** Retries of a step that cannot change the site, after a technical error. */
  private static final int READ_ONLY_RETRIES = 2;

  private final LockedExternalTask task;
  private final Step step;
  private final Site site;
  private final RunIdentity run;
  private final StepWorkerParts parts;
  private final Runnable finished;
  private ShellRunner shell;
  private Instant started;

  /** @param finished run once the step has ended, before its result is reported: frees its site */
  StepExecution(LockedExternalTask task, Step step, Site site, RunIdentity run, StepWorkerParts parts,
      Runnable finished) {
    this.task = task;
    this.step = step;
    this.site = site;
    this.run = run;
    this.parts = parts;
    this.finished = finished;
  }

  void run() {
    Map<String, Object> variables = task.getVariables();
    boolean dryRun = run.dryRun();
    started = Instant.now();
    long recordId = parts.records().start(task.getProcessInstanceId(), task.getProcessDefinitionKey(),
        task.getActivityId(), task.getId(), site.name(), step.topic(), parts.properties().node(), started);
    ScheduledFuture<?> heartbeat = heartbeat(Thread.currentThread());
    // A fresh rendering runner per dry-run step: it keeps the commands it was given.
    shell = dryRun ? new RenderingShellRunner(parts.shellProperties()) : parts.shell();
    StepContext context = new StepContext(site, run, step.topic(), variables, shell,
        parts.properties().logDir().resolve(task.getProcessInstanceId()), parts.properties().timeoutOf(step.topic()),
        session -> parts.records().sessionStarted(recordId, session));
    Handover handover;
    try {
      handover = resumingPast(variables)
          ? record(recordId, context, StepOutcome.skipped("done before the failed step; not repeated on retry"), false)
          : record(recordId, context, execute(context, dryRun), dryRun);
    } catch (RuntimeException e) {
      handover = recordError(recordId, context, e);
    } finally {
      heartbeat.cancel(false);
    }
    // The site is free before the engine hears of the result: the next step may start at once.
    finished.run();
    parts.reporter().report(new ResultReporter.Result(recordId, task.getId(), task.getProcessInstanceId(),
        site.name(), step.topic(), null, handover, parts.properties().node()));
  }

  private StepOutcome execute(StepContext context, boolean dryRun) {
    log.info("STEP-001 Site {}: step {} started (run {}{})", site.name(), step.topic(),
        task.getProcessInstanceId(), dryRun ? ", dry run" : "");
    try {
      return step.execute(context);
    } catch (ShellSetupException e) {
      return StepOutcome.failed(e.getMessage());
    }
  }

  /** On a retry, the steps before the failed one that already succeeded are not run again. */
  private boolean resumingPast(Map<String, Object> variables) {
    return Boolean.TRUE.equals(variables.get(StepVariables.RESUME_AFTER_FAILURE))
        && !task.getActivityId().equals(variables.get(StepVariables.FAILED_ACTIVITY))
        && parts.records().doneBefore(task.getProcessInstanceId(), task.getActivityId());
  }

  /**
   * Renews the task's lock while the step runs. When the task is gone (the run was cancelled in
   * Cockpit), the step's thread is interrupted: the shell runner then kills the command's process tree.
   */
  private ScheduledFuture<?> heartbeat(Thread stepThread) {
    long every = parts.properties().heartbeat().toMillis();
    return parts.scheduler().scheduleAtFixedRate(() -> {
      try {
        parts.engine().extendLock(task.getId(), parts.properties().node(),
            parts.properties().lockDuration().toMillis());
      } catch (NotFoundException e) {
        log.warn("STEP-006 Site {}: run {} was cancelled while step {} ran; stopping the step", site.name(),
            task.getProcessInstanceId(), step.topic());
        stepThread.interrupt();
        throw e; // ends this heartbeat
      } catch (RuntimeException e) {
        log.warn("STEP-004 Site {}: could not renew the lock of step {} (run {}): {}", site.name(),
            step.topic(), task.getProcessInstanceId(), e.getMessage());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /** Records how the step ended and what the engine is to be told. */
  private Handover record(long recordId, StepContext context, StepOutcome outcome, boolean dryRun) {
    List<ShellResult> results = context.results();
    ShellResult last = results.isEmpty() ? null : results.get(results.size() - 1);
    StepRun.Status status = dryRun ? StepRun.Status.RENDERED : switch (outcome.status()) {
      case SUCCEEDED -> StepRun.Status.SUCCEEDED;
      case SKIPPED -> StepRun.Status.SKIPPED;
      case FAILED -> StepRun.Status.FAILED;
    };
    Handover handover = handover(context, outcome, last);
    parts.records().finish(recordId, status, rendered(results), last == null ? null : last.exitStatus(),
        last == null ? null : last.logFile().toString(), last == null ? null : last.tail(), outcome.summary(),
        Instant.now(), handover);
    ended(status);
    log.info("STEP-002 Site {}: step {} {} (run {}): {}", site.name(), step.topic(), status,
        task.getProcessInstanceId(), outcome.summary());
    return handover;
  }

  /**
   * A failure goes to the diagram's decision (the BPMN error STEP_FAILED), or, where the diagram
   * catches none, becomes an incident; anything else completes the task.
   */
  private Handover handover(StepContext context, StepOutcome outcome, ShellResult last) {
    boolean caught = outcome.status() == StepOutcome.Status.FAILED
        && parts.failedCatch().caught(task.getProcessDefinitionId(), task.getActivityId());
    return Handover.ofOutcome(outcome, step.topic(), task.getActivityId(), site.name(), caught,
        task.getActivityId().equals(context.variable(StepVariables.FAILED_ACTIVITY, String.class).orElse(null)),
        last == null ? null : last.exitStatus(), last == null ? "" : last.tail(),
        last == null ? "" : last.logFile().toString());
  }

  /** A technical error, not a failed command: an incident in Cockpit, retried only if harmless. */
  private Handover recordError(long recordId, StepContext context, RuntimeException e) {
    String message = "Step " + step.topic() + " on site " + site.name() + " broke: " + e.getMessage();
    log.error("STEP-003 {} (run {})", message, task.getProcessInstanceId(), e);
    int retries = step.changesSite() ? 0 : remainingRetries();
    Handover handover = Handover.failure(FailureVariables.lastChars(message), stackTrace(e), retries, 10_000L);
    parts.records().finish(recordId, StepRun.Status.ERROR, rendered(context.results()), null, null, null, message,
        Instant.now(), handover);
    ended(StepRun.Status.ERROR);
    return handover;
  }

  private void ended(StepRun.Status status) {
    parts.events().publishEvent(new StepEnded(task.getProcessDefinitionKey(), step.topic(), site.name(), status,
        Duration.between(started, Instant.now())));
  }

  private int remainingRetries() {
    Integer retries = task.getRetries();
    return retries == null ? READ_ONLY_RETRIES : Math.max(0, retries - 1);
  }

  private String rendered(List<ShellResult> results) {
    return results.isEmpty() ? null
        : results.stream().map(r -> shell.render(r.command())).collect(Collectors.joining("\n"));
  }

  private static String stackTrace(Throwable e) {
    var out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
