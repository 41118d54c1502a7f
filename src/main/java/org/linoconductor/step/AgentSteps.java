package org.linoconductor.step;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.linoconductor.input.Shown;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * The server's side of the steps its step agents run: it records them in {@code step_run} as it does
 * its own steps (start, each command's session, the end) and tells the engine their outcome through
 * {@link ResultReporter}, as the worker holding the task. Every call names the agent's hosts: a task or
 * record of a run on another host is refused ({@link AgentRefusedException}).
 */
@Service
@Profile("!agent")
public class AgentSteps {

  private static final Logger log = LoggerFactory.getLogger(AgentSteps.class);
  /** How an agent's step may end; RUNNING and INTERRUPTED are the server's to say. */
  private static final Set<StepRun.Status> FINISHED = EnumSet.of(StepRun.Status.SUCCEEDED, StepRun.Status.SKIPPED,
      StepRun.Status.FAILED, StepRun.Status.ERROR, StepRun.Status.RENDERED);
  private static final Pattern LOG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}\\.log");
  /** What an agent sends of a running step's log: its last 16 KB (audit.LogTail), with room for any characters. */
  private static final int MAX_LIVE_CHARS = 64 * 1024;

  private final ExternalTaskService engine;
  private final RuntimeService runtime;
  private final StepRunRepository records;
  private final RunIdentities runs;
  private final SiteRegistry sites;
  private final ResultReporter reporter;
  private final InterruptedStepRecovery recovery;
  private final StepFailedCatch failedCatch;
  private final LiveLogs liveLogs;

  AgentSteps(ExternalTaskService engine, RuntimeService runtime, StepRunRepository records, RunIdentities runs,
      SiteRegistry sites, ResultReporter reporter, InterruptedStepRecovery recovery, StepFailedCatch failedCatch,
      LiveLogs liveLogs) {
    this.engine = engine;
    this.runtime = runtime;
    this.records = records;
    this.runs = runs;
    this.sites = sites;
    this.reporter = reporter;
    this.recovery = recovery;
    this.failedCatch = failedCatch;
    this.liveLogs = liveLogs;
  }

  /**
   * The agent {@code node} has fetched {@code externalTaskId} and is to run it. A task whose step was
   * started before (its agent died, RUNNING) or whose result waits to be reported is not run again: it
   * goes on from its record, and the answer is empty.
   */
  public Optional<StepServer.Assignment> start(String externalTaskId, String node, Set<String> hosts) {
    ExternalTask task = engine.createExternalTaskQuery().externalTaskId(externalTaskId).singleResult();
    if (task == null || !node.equals(task.getWorkerId())) {
      throw new AgentRefusedException("External task " + externalTaskId + " is not locked by " + node
          + ": fetch it first (it may have been completed, cancelled or fetched by another agent).");
    }
    RunIdentity run = ownRun(task.getProcessInstanceId(), hosts);
    var unfinished = records.unfinishedFor(externalTaskId);
    if (unfinished.isPresent()) {
      recovery.resume(unfinished.get());
      return Optional.empty();
    }
    Site site = sites.find(run.site()).orElseThrow(() -> new AgentRefusedException("Site " + run.site()
        + " of run " + run.processInstanceId() + " is not registered (any more): register it under /api/sites"
        + " and set the retries of the step in Cockpit."));
    long record = records.start(task.getProcessInstanceId(), task.getProcessDefinitionKey(), task.getActivityId(),
        externalTaskId, site.name(), task.getTopicName(), node, Instant.now());
    runtime.removeVariable(task.getExecutionId(), StepVariables.WAITING_FOR);
    return Optional.of(new StepServer.Assignment(record, site, run, resumingPast(task)));
  }

  public void sessionStarted(long record, ProcessSession session, Set<String> hosts) {
    own(record, hosts, true);
    records.sessionStarted(record, session);
  }

  /** The last lines of the running step's current log on the agent's host, for the run page. */
  public void liveLog(long record, LiveLogs.LiveLog live, Set<String> hosts) {
    own(record, hosts, true);
    if (live.log() == null || !LOG_NAME.matcher(live.log()).matches() || live.from() < 0 || live.content() == null
        || live.content().length() > MAX_LIVE_CHARS) {
      throw new AgentRefusedException("A live log is a log file's name (<step>-<n>.log), a byte offset from 0 and"
          + " at most " + MAX_LIVE_CHARS + " characters of text: nothing was recorded.");
    }
    liveLogs.save(record, live);
  }

  /** The step has ended on the agent: recorded, then reported to the engine as the agent (the lock's holder). */
  public boolean finish(long record, StepReport report, Set<String> hosts) {
    StepRun run = own(record, hosts, true);
    ExternalTask task = engine.createExternalTaskQuery().externalTaskId(run.externalTaskId()).singleResult();
    StepRun.Status status = Stream.of(StepRun.Status.values()).filter(FINISHED::contains)
        .filter(known -> known.name().equals(report.status())).findFirst()
        .orElseThrow(() -> new AgentRefusedException("A step ends " + FINISHED + ", not " + Shown.value(
            String.valueOf(report.status())) + ": nothing was recorded."));
    if (report.outcome() != null && Stream.of(StepOutcome.Status.values())
        .noneMatch(known -> known.name().equals(report.outcome()))) {
      throw new AgentRefusedException("A step's outcome is SUCCEEDED, SKIPPED or FAILED: nothing was recorded.");
    }
    Handover handover;
    if (status == StepRun.Status.ERROR || report.outcome() == null) {
      handover = Handover.failure(FailureVariables.lastChars(report.summary()), report.details(), 0, 10_000L);
    } else {
      boolean caught = task != null && failedCatch.caught(task.getProcessDefinitionId(), run.activityId());
      String failedActivity = task == null ? null
          : (String) runtime.getVariable(task.getExecutionId(), StepVariables.FAILED_ACTIVITY);
      handover = Handover.ofOutcome(report.stepOutcome(), run.step(), run.activityId(), run.site(), caught,
          run.activityId().equals(failedActivity), report.exitStatus(), report.tail(), report.logPath());
    }
    records.finish(record, status, report.command(), report.exitStatus(), report.logPath(), report.tail(),
        report.summary(), Instant.now(), handover);
    liveLogs.remove(record);
    return reporter.report(new ResultReporter.Result(record, run.externalTaskId(), run.processInstanceId(),
        run.site(), run.step(), null, handover, run.node()));
  }

  /** The steps of {@code node} still RUNNING: found at the agent's start, it was stopped in the middle of them. */
  public List<StepServer.Unfinished> unfinished(String node, Set<String> hosts) {
    return records.runningOn(node).stream()
        .filter(run -> runs.find(run.processInstanceId()).map(RunIdentity::host).filter(hosts::contains).isPresent())
        .map(run -> new StepServer.Unfinished(run.id(), run.processInstanceId(), run.site(), run.step(), run.session()))
        .toList();
  }

  /** A step the agent found RUNNING at its start goes to the interrupted-step decision; it never runs again. */
  public void interrupted(long record, String leftovers, String tail, Set<String> hosts) {
    StepRun run = own(record, hosts, true);
    log.warn("STEP-032 Site {}: step {} (run {}) was interrupted on agent {}: {}", run.site(), run.step(),
        run.processInstanceId(), run.node(), leftovers);
    recovery.interrupt(run, leftovers, tail);
    liveLogs.remove(record);
  }

  private StepRun own(long record, Set<String> hosts, boolean running) {
    StepRun run = records.byId(record).orElseThrow(() -> new AgentRefusedException("No step record " + record));
    ownRun(run.processInstanceId(), hosts);
    if (running && run.status() != StepRun.Status.RUNNING) {
      throw new AgentRefusedException("Step record " + record + " is " + run.status() + ", not RUNNING: it was"
          + " finished before (by this agent, or as interrupted); nothing was changed.");
    }
    return run;
  }

  /** @throws AgentRefusedException unless {@code site} is registered on one of {@code hosts} */
  public void ownSite(String site, Set<String> hosts) {
    String host = sites.find(site).map(Site::host).orElse(null);
    if (host == null || !hosts.contains(host)) {
      throw new AgentRefusedException("Site " + site + " is not a site of the agent's host"
          + (hosts.size() == 1 ? " " : "s ") + String.join(", ", hosts) + ".");
    }
  }

  /**
   * The run, when it is a run of one of {@code hosts}.
   *
   * @throws AgentRefusedException otherwise
   */
  public RunIdentity ownRun(String processInstanceId, Set<String> hosts) {
    RunIdentity run = runs.find(processInstanceId).orElseThrow(() -> new AgentRefusedException("Run "
        + processInstanceId + " has no record of its start"));
    if (run.host() == null || !hosts.contains(run.host())) {
      throw new AgentRefusedException("Run " + processInstanceId + " is not a run of the agent's host"
          + (hosts.size() == 1 ? " " : "s ") + String.join(", ", hosts) + ": its steps are not this agent's.");
    }
    return run;
  }

  private boolean resumingPast(ExternalTask task) {
    Object resume = runtime.getVariable(task.getExecutionId(), StepVariables.RESUME_AFTER_FAILURE);
    Object failed = runtime.getVariable(task.getExecutionId(), StepVariables.FAILED_ACTIVITY);
    return Boolean.TRUE.equals(resume) && !task.getActivityId().equals(failed)
        && records.doneBefore(task.getProcessInstanceId(), task.getActivityId());
  }
}
