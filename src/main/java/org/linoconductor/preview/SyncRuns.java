package org.linoconductor.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.springframework.stereotype.Component;

/**
 * How far runs have got, for the nightly run: its preview-sync runs, and the runs holding a site it
 * waits for. A run that cannot go on by itself (it waits for a person, an operator or a time) does no
 * work: a sync of the night then has failed and takes no place among the concurrent syncs, and a
 * preview whose site it holds is skipped rather than waited for.
 */
@Component
class SyncRuns {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ExternalTaskService externalTasks;
  private final ManagementService management;
  private final AuditTrail audit;

  SyncRuns(RuntimeService runtime, TaskService tasks, ExternalTaskService externalTasks,
      ManagementService management, AuditTrail audit) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.externalTasks = externalTasks;
    this.management = management;
    this.audit = audit;
  }

  record Progress(Result result, String detail) {}

  /** STARTED while the run works, else SYNCED or FAILED with how it ended or what it waits for. */
  Progress of(String syncRun) {
    Optional<String> waiting = waiting(syncRun);
    // Asked after what it waits for: a run that ended meanwhile is taken as ended, not as waiting.
    if (runtime.createProcessInstanceQuery().processInstanceId(syncRun).count() == 0) {
      RunOutcome outcome = audit.run(syncRun).map(RunRecord::outcome).orElse(null);
      return outcome == RunOutcome.SUCCEEDED ? new Progress(Result.SYNCED, "run " + syncRun + " succeeded")
          : new Progress(Result.FAILED, "run " + syncRun + " ended "
              + (outcome == null ? "without a record" : outcome));
    }
    return waiting.map(what -> new Progress(Result.FAILED, "run " + syncRun + " " + what))
        .orElseGet(() -> new Progress(Result.STARTED, "run " + syncRun + " is working"));
  }

  /**
   * What a run waits for when it cannot go on by itself, counting the runs it called: a user task, an
   * incident, or only timers and catch events (an attempt before its agreed start). Empty while a step
   * or a job of it is to be done or being done, and when none of these is found (the run moved on or
   * ended between the queries): it will end, or come to wait, by itself, and that wakes the night.
   */
  Optional<String> waiting(String run) {
    List<String> tree = withCalledRuns(run);
    String[] ids = tree.toArray(String[]::new);
    var task = tasks.createTaskQuery().processInstanceIdIn(ids).listPage(0, 1).stream().findFirst();
    if (task.isPresent()) {
      return Optional.of("waits at \"" + task.get().getName() + "\" for a decision (Tasklist)");
    }
    if (tree.stream().anyMatch(id -> runtime.createIncidentQuery().processInstanceId(id).count() > 0)) {
      return Optional.of("has an incident (Cockpit)");
    }
    if (externalTasks.createExternalTaskQuery().processInstanceIdIn(ids).count() > 0
        || tree.stream().anyMatch(id -> management.createJobQuery().processInstanceId(id).messages().count() > 0)) {
      return Optional.empty();
    }
    boolean waitsForTimeOrEvent = tree.stream().anyMatch(id -> management.createJobQuery().processInstanceId(id)
        .timers().count() > 0 || runtime.createEventSubscriptionQuery().processInstanceId(id).count() > 0);
    return waitsForTimeOrEvent ? Optional.of("waits for a timer or a message") : Optional.empty();
  }

  /**
   * How many preview-sync runs work now, however they were started, leaving out {@code known}: runs
   * whose progress the caller has just read.
   */
  long workingOtherThan(Set<String> known) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PreviewSyncProcess.KEY).active().list()
        .stream().filter(run -> !known.contains(run.getId()) && waiting(run.getId()).isEmpty()).count();
  }

  /** The run and, recursively, the runs it called through call activities. */
  private List<String> withCalledRuns(String run) {
    List<String> tree = new ArrayList<>(List.of(run));
    for (int i = 0; i < tree.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(tree.get(i)).list().stream()
          .map(ProcessInstance::getId).forEach(tree::add);
    }
    return tree;
  }
}
