package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.TestLino;
import org.linoconductor.attempt.UpgradeAttemptProcess.Decisions;
import org.linoconductor.attempt.UpgradeAttemptProcess.Elements;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.PreviewSite;
import org.linoconductor.preview.PreviewSites;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.site.SiteStateChange;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.CodeState;
import org.linoconductor.upgrade.CodeStateRepository;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * upgrade-attempt run by the real worker against a simulated production site and its preview:
 * the links, the states and the service calls after accept and after cancel. The job executor is
 * off in these tests, so the test executes the start timer and the final sync's job.
 */
@ConductorWebTest
class UpgradeAttemptIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired StepRunRepository stepRuns;
  @Autowired AuditTrail audit;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired CodeStateRepository codeStates;

  @Test
  void anAcceptedAttemptMakesThePreviewProductionAndTheOldProductionOld() throws Exception {
    SimulatedSite prod = pair("atti_prod", "atti_prev");
    SimulatedLino lino = TestLino.rootOf("atti_prod");
    TestLino.pullNewRelease(lino.site("atti_prev"));
    int servicesBefore = lino.serviceCalls().size();

    String run = startAndAwaitDecision("atti_prev");

    Path root = lino.root();
    assertThat(SiteLinks.target(root, SiteLinks.PROD)).hasValue("atti_prev");
    assertThat(calls(lino, servicesBefore)).containsExactly("apache2 stop", "supervisor stop", "cron stop",
        "nginx restart", "apache2 start", "supervisor start", "cron start");
    assertThat(stepRuns.ofRun(run)).extracting(StepRun::step).containsExactly(Topics.STOP_PRODUCTION,
        Topics.RECORD_CODE_VERSIONS, Topics.SWITCH_PROD_LINK, Topics.RELOAD_WEB_SERVER, Topics.START_PREVIEW_SERVICES);
    assertThat(stepRuns.ofRun(run).get(0).command()).contains("apache2 stop");
    // The preview runs newer code than production: both are recorded.
    Map<String, Object> variables = runtime.getVariables(run);
    assertThat((String) variables.get(Variables.CODE_BEFORE)).containsPattern("^lino [0-9a-f]{40}\\n");
    assertThat((String) variables.get(Variables.CODE_ON_TRIAL)).containsPattern("^lino [0-9a-f]{40}\\n")
        .isNotEqualTo(variables.get(Variables.CODE_BEFORE));

    decide(run, "tester", Decisions.ACCEPT);
    awaitEndedAt(run, Elements.ATTEMPT_SUCCEEDED);

    assertThat(registry.require("atti_prev").state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(registry.require(prod.name()).state()).isEqualTo(SiteState.OLD);
    assertThat(registry.stateChangesInRun(run)).extracting(SiteStateChange::site, SiteStateChange::to,
        SiteStateChange::changedBy).containsExactly(
            org.assertj.core.groups.Tuple.tuple("atti_prod", SiteState.OLD, "tester"),
            org.assertj.core.groups.Tuple.tuple("atti_prev", SiteState.PRODUCTION, "tester"));
    assertThat(SiteLinks.target(root, SiteLinks.PROD)).hasValue("atti_prev");
    assertThat(SiteLinks.target(root, SiteLinks.PREVIEW)).isEmpty();

    // The audit keeps who started and decided, the time left then, and both code versions.
    RunRecord record = audit.run(run).orElseThrow();
    assertThat(record.startedBy()).isEqualTo("operator");
    assertThat(record.decisions()).singleElement().satisfies(decision -> {
      assertThat(decision.decidedBy()).isEqualTo("tester");
      assertThat(decision.choice()).isEqualTo("decision=accept");
      assertThat(decision.context()).matches("timeLeft=PT5[0-9]M[0-9.]+S");
    });
    String finalSync = history.createHistoricProcessInstanceQuery().superProcessInstanceId(run).singleResult().getId();
    assertThat(audit.run(finalSync).orElseThrow().startedBy()).as("the called sync's starter").isEqualTo("operator");
    CodeState production = codeStates.find(run, Phase.BEFORE).orElseThrow();
    CodeState onTrial = codeStates.find(run, Phase.AFTER).orElseThrow();
    assertThat(production.revisions().get("lino")).matches("[0-9a-f]{40}")
        .isNotEqualTo(onTrial.revisions().get("lino"));
    assertThat(onTrial.packages()).isNotEmpty();
  }

  @Test
  void aCancelledAttemptPutsProductionBackAndKeepsTheAttemptsData() throws Exception {
    SimulatedSite prod = pair("attc_prod", "attc_prev");
    SimulatedLino lino = TestLino.rootOf("attc_prod");
    String run = startAndAwaitDecision("attc_prev");
    assertThat(SiteLinks.target(lino.root(), SiteLinks.PROD)).hasValue("attc_prev");
    int servicesBefore = lino.serviceCalls().size();

    decide(run, "tester", Decisions.CANCEL);
    awaitEndedAt(run, Elements.ATTEMPT_CANCELLED);

    assertThat(SiteLinks.target(lino.root(), SiteLinks.PROD)).hasValue(prod.name());
    assertThat(SiteLinks.target(lino.root(), SiteLinks.PREVIEW)).hasValue("attc_prev");
    assertThat(registry.require("attc_prev").state()).isEqualTo(SiteState.PREVIEW);
    assertThat(registry.require(prod.name()).state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(registry.stateChangesInRun(run)).isEmpty();
    assertThat(calls(lino, servicesBefore)).containsExactly("apache2 stop", "supervisor stop", "cron stop",
        "apache2 start", "supervisor start", "cron start", "nginx restart");
    String snapshot = (String) history.createHistoricVariableInstanceQuery().processInstanceId(run)
        .variableName(Variables.ATTEMPT_SNAPSHOT).singleResult().getValue();
    assertThat(Path.of(snapshot)).exists().isRegularFile().hasParent(lino.root().resolve("attc_prev"));
    assertThat(Files.size(Path.of(snapshot))).isPositive();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run)
        .variableName(Variables.RESULT_MESSAGE).singleResult().getValue()).asString()
        .contains("was cancelled by tester", "They are kept in " + snapshot);
  }

  /** Starts an attempt of one hour now and waits until the testers are asked; returns the run's id. */
  private String startAndAwaitDecision(String preview) {
    authorizations.ensureOperatorsGroup();
    identity.setAuthentication("operator", List.of(ConductorGroups.OPERATORS));
    String run;
    try {
      run = runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY, Map.of(StepVariables.SITE, preview,
          Variables.START_AT, "", Variables.DURATION, "PT1H")).getId();
    } finally {
      identity.clearAuthentication();
    }
    executeJob(run); // the reminder timer (due now: no reminder needed)
    executeJob(run); // the start timer (due now)
    await().atMost(PATIENCE).until(() -> isWaitingAt(run, Elements.FINAL_SYNC)
        && management.createJobQuery().processInstanceId(run).count() == 1);
    executeJob(run); // the final sync is asynchronous before
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run)
        .taskDefinitionKey(Elements.DECIDE_ATTEMPT).count() == 1);
    return run;
  }

  private boolean isWaitingAt(String run, String activity) {
    return runtime.getActiveActivityIds(run).contains(activity);
  }

  private void executeJob(String run) {
    Job job = management.createJobQuery().processInstanceId(run).singleResult();
    assertThat(job).as("a job of run %s", run).isNotNull();
    management.executeJob(job.getId());
  }

  private void decide(String run, String user, String decision) {
    Task task = tasks.createTaskQuery().processInstanceId(run).taskDefinitionKey(Elements.DECIDE_ATTEMPT)
        .singleResult();
    // The site's testers of the registry are candidates themselves: a preview made by preview-setup
    // has no Camunda group of its own.
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getUserId).contains(user);
    // A tester of the site: the candidate group testers-<site> lets its members work on the task.
    identity.setAuthentication(user, List.of(ConductorGroups.testersOf((String) runtime.getVariable(run,
        StepVariables.SITE))));
    try {
      tasks.complete(task.getId(), Map.of(Variables.DECISION, decision, StepVariables.COMMENT, "tested"));
    } finally {
      identity.clearAuthentication();
    }
  }

  private void awaitEndedAt(String run, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }

  /** The fake service calls since line {@code from}, without their time stamps ("apache2 stop"). */
  private static List<String> calls(SimulatedLino lino, int from) {
    List<String> lines = lino.serviceCalls();
    return lines.subList(from, lines.size()).stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
  }

  /**
   * A simulated production site with {@code prod} pointing to it, and its registered preview with
   * {@code preview} pointing to it; in production a snapshot2preview with restore2preview.py, as
   * preview-setup leaves them.
   */
  private SimulatedSite pair(String production, String preview) throws IOException, InterruptedException {
    SimulatedSite prod = TestLino.productionSite(registry, production);
    SimulatedLino lino = TestLino.rootOf(production);
    SimulatedSite prev = lino.createSite(preview);
    registry.register(new SiteRequest(preview, lino.root().toString(), preview, SiteState.PREVIEW,
        DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, "https://example.org/notes",
        prev.registeredServiceCommands(), null), null, null);
    previews.register(new PreviewSite(preview, production, false, null));
    ProcessBuilder dump = new ProcessBuilder(prod.managePy("dump2py", "snapshot2preview")).directory(prod.dir().toFile())
        .redirectErrorStream(true);
    dump.environment().putAll(prod.activatedEnvironment());
    Process process = dump.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    Path snapshot = prod.dir().resolve("snapshot2preview");
    Files.copy(snapshot.resolve("restore.py"), snapshot.resolve("restore2preview.py"));
    lino.linkProd(production);
    lino.linkPreview(preview);
    return prod;
  }
}
