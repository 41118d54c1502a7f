package org.linoconductor.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.linoconductor.agent.AgentPresence;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.LiveLogs;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.linoconductor.step.StepLogs;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.springframework.stereotype.Service;

/** The read side of the audit for one caller: only what their {@link RunScope} lets them see. */
@Service
class RunQueries {

  static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

  private final AuditTrail trail;
  private final StepRunRepository steps;
  private final StepLogs logs;
  private final CodeStates codeStates;
  private final SiteRegistry sites;
  private final ProcessKeys processes;
  private final RunVisibility visibility;
  private final ElementNames names;
  private final RunIdentities identities;
  private final AgentPresence agents;
  private final ExternalTaskService externalTasks;
  private final LiveLogs liveLogs;

  RunQueries(AuditTrail trail, StepRunRepository steps, StepLogs logs, CodeStates codeStates, SiteRegistry sites,
      ProcessKeys processes, RunVisibility visibility, ElementNames names, RunIdentities identities,
      AgentPresence agents, ExternalTaskService externalTasks, LiveLogs liveLogs) {
    this.liveLogs = liveLogs;
    this.names = names;
    this.externalTasks = externalTasks;
    this.identities = identities;
    this.agents = agents;
    this.trail = trail;
    this.steps = steps;
    this.logs = logs;
    this.codeStates = codeStates;
    this.sites = sites;
    this.processes = processes;
    this.visibility = visibility;
  }

  RunScope scope() {
    return visibility.ofCurrentUser();
  }

  /** Reads a caller's filter; see {@link RunFilter#parse}. */
  RunFilter filter(RunScope scope, String site, String process, String outcome, String from, String to,
      String page, String size) {
    return RunFilter.parse(site, process, outcome, from, to, page, size,
        name -> scope.includes(name) && sites.find(name).isPresent(), processes::known, processes::all);
  }

  RunPage page(RunFilter filter, RunScope scope) {
    return trail.page(filter, scope);
  }

  void forEach(RunFilter filter, RunScope scope, Consumer<RunSummary> each) {
    trail.forEach(filter, scope, each);
  }

  /** @throws RunNotFoundException when there is no such run in the caller's scope */
  RunDetail detail(String id, RunScope scope) {
    RunRecord run = trail.run(id).filter(r -> scope.includes(r.site()))
        .orElseThrow(() -> new RunNotFoundException("run '" + id + "'"));
    List<StepView> views = steps.ofRun(id).stream()
        .map(step -> StepView.of(step, logs.of(step).isPresent())).toList();
    String waiting = run.endedAt() != null ? null : identities.find(id).map(RunIdentity::host)
        .flatMap(host -> agents.waiting(host, externalTasks.createExternalTaskQuery().processInstanceId(id).list()
            .stream().map(ExternalTask::getTopicName).toList())).orElse(null);
    return new RunDetail(run, views, codeStates.ofRun(id), sites.stateChangesInRun(id), COCKPIT + id, waiting,
        names.of(run.processKey()));
  }

  /** A step of a run in scope; a step of another run is "not found" as well. */
  StepRun step(String runId, String stepId, RunScope scope) {
    trail.run(runId).filter(r -> scope.includes(r.site()))
        .orElseThrow(() -> new RunNotFoundException("run '" + runId + "'"));
    return steps.ofRun(runId).stream().filter(s -> String.valueOf(s.id()).equals(stepId)).findFirst()
        .orElseThrow(() -> new RunNotFoundException("step " + stepId + " in run '" + runId + "'"));
  }

  Optional<Path> logOf(StepRun step) {
    return logs.of(step);
  }

  /** What the step agent running {@code step} last sent of its log (the full log is on the agent's host). */
  Optional<LiveLogs.LiveLog> sentByAgent(StepRun step) {
    return liveLogs.of(step.id());
  }

  /** Sites the caller may filter by, by name. */
  List<String> visibleSites(RunScope scope) {
    return sites.all().stream().map(Site::name).filter(scope::includes).toList();
  }

  /** Process keys deployed now or found in the record (a process may have been retired). */
  Set<String> processes() {
    return processes.all();
  }
}
