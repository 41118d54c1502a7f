package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Elements;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Topics;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production upgrade run by the real worker against simulated Lino sites: every step of the
 * seed for real, then the sign-off; an abandoned restore and a real roll-back.
 */
@ConductorWebTest
class ProductionUpgradeIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final SimulatedInstallation INSTALLATION = new SimulatedInstallation();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository stepRuns;
  @Autowired AuditTrail audit;

  @Test
  void anUpgradeRunsEveryStepOfTheSeedAndEndsWhenTheContactConfirms() {
    SimulatedSite site = registered(INSTALLATION.freshSite());
    String release = INSTALLATION.publishRelease(true);
    int callsBefore = INSTALLATION.lino().serviceCalls().size();

    String run = start(site);
    Task signOff = awaitTask(run, Elements.SIGN_OFF);

    assertThat(site.version()).isEqualTo(release);
    assertThat(runtime.getVariable(run, Variables.SCHEMA_CHANGED)).isEqualTo(true);
    assertThat(runtime.getVariable(run, Variables.CODE_CHANGED)).isEqualTo(true);
    List<String> services = INSTALLATION.lino().serviceCalls().subList(callsBefore,
        INSTALLATION.lino().serviceCalls().size()).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    assertThat(services).containsExactly("apache2 stop", "supervisor stop", "cron stop",
        "apache2 start", "supervisor start", "cron start", "nginx restart");
    assertThat(stepRuns.ofRun(run)).extracting(StepRun::step).containsExactly(
        Topics.PREFLIGHT, Topics.STOP_SERVICES, "make-snapshot", "verify-snapshot", Topics.PULL_CODE,
        Topics.COMPARE_SCHEMA, Topics.RESTORE_SNAPSHOT, Topics.INSTALL_REQUIREMENTS, Topics.BUILD_INDEXES,
        Topics.COLLECT_STATIC, Topics.CHECK_DATA, Topics.START_SERVICES, Topics.CHECK_SITE);
    assertThat(stepRuns.ofRun(run)).filteredOn(r -> r.step().equals(Topics.BUILD_INDEXES))
        .singleElement().extracting(StepRun::status).isEqualTo(StepRun.Status.SKIPPED);
    assertThat(stepRuns.ofRun(run)).filteredOn(r -> r.step().equals(Topics.RESTORE_SNAPSHOT))
        .singleElement().satisfies(r -> assertThat(r.summary()).startsWith("Loaded "));

    tasks.complete(signOff.getId(), Map.of(Variables.SITE_WORKS, true, StepVariables.COMMENT, "looks fine"));

    awaitEndedAt(run, Elements.UPGRADE_SUCCEEDED);
    assertThat(audit.run(run)).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(record.decisions()).singleElement().satisfies(d -> {
        assertThat(d.choice()).isEqualTo("siteWorks=true");
        assertThat(d.comment()).isEqualTo("looks fine");
      });
    });
  }

  @Test
  void anAbandonedRestoreStopsAtTheFailedStepAndTheRollBackBringsBackCodeAndData() {
    SimulatedSite site = registered(INSTALLATION.freshSite());
    String versionBefore = site.version();
    String dataBefore = INSTALLATION.showdata(site);
    INSTALLATION.publishRelease(true);
    site.enable(Scenario.ABANDON, "3");

    String run = start(site);
    Task failed = awaitTask(run, Elements.STEP_FAILED);

    assertThat(runtime.getVariable(run, StepVariables.FAILED_STEP)).isEqualTo(Topics.RESTORE_SNAPSHOT);
    assertThat((String) runtime.getVariable(run, StepVariables.FAILURE_MESSAGE))
        .contains("abandoned 3 unsaved instances");
    assertThat(runtime.getVariable(run, Variables.UNSAVED_INSTANCES)).isEqualTo(3);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).activityId(Elements.SIGN_OFF)
        .count()).isZero();
    assertThat(site.version()).isNotEqualTo(versionBefore);

    site.disable(Scenario.ABANDON);
    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, ProductionUpgradeProcess.Actions.ROLLBACK,
        StepVariables.COMMENT, "needs a migrator"));

    awaitEndedAt(run, Elements.UPGRADE_ROLLED_BACK);
    assertThat(site.version()).isEqualTo(versionBefore);
    assertThat(INSTALLATION.showdata(site)).isEqualTo(dataBefore);
    assertThat(audit.run(run)).hasValueSatisfying(record ->
        assertThat(record.outcome()).isEqualTo(RunOutcome.ROLLED_BACK));
  }

  @Test
  void aRetryAfterTheCauseIsFixedResumesAtTheFailedStepWithoutANewSnapshot() {
    SimulatedSite site = registered(INSTALLATION.freshSite());
    INSTALLATION.publishRelease(false);
    site.enable(Scenario.TRACEBACK, "checkdata");

    String run = start(site);
    Task failed = awaitTask(run, Elements.STEP_FAILED);
    assertThat(runtime.getVariable(run, StepVariables.FAILED_STEP)).isEqualTo(Topics.CHECK_DATA);

    site.disable(Scenario.TRACEBACK);
    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, ProductionUpgradeProcess.Actions.RETRY));

    awaitTask(run, Elements.SIGN_OFF);
    List<StepRun> snapshots = stepRuns.ofRun(run).stream().filter(r -> r.step().equals("make-snapshot")).toList();
    assertThat(snapshots).extracting(StepRun::status)
        .containsExactly(StepRun.Status.SUCCEEDED, StepRun.Status.SKIPPED);
    assertThat(stepRuns.ofRun(run)).filteredOn(r -> r.step().equals(Topics.CHECK_DATA))
        .extracting(StepRun::status).containsExactly(StepRun.Status.FAILED, StepRun.Status.SUCCEEDED);
    runtime.deleteProcessInstance(run, "test done");
  }

  private SimulatedSite registered(SimulatedSite site) {
    registry.register(new SiteRequest(site.name(), site.dir().getParent().toString(), site.name(),
        SiteState.PRODUCTION, DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null,
        site.registeredServiceCommands(), null), null, null);
    return site;
  }

  private String start(SimulatedSite site) {
    return runtime.startProcessInstanceByKey(ProductionUpgradeProcess.KEY, Map.of(StepVariables.SITE, site.name()))
        .getId();
  }

  private Task awaitTask(String run, String taskKey) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run)
        .taskDefinitionKey(taskKey).count() == 1 || runtime.createProcessInstanceQuery().processInstanceId(run)
        .count() == 0);
    Task task = tasks.createTaskQuery().processInstanceId(run).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("run %s waits at %s; steps: %s", run, taskKey, stepRuns.ofRun(run)).isNotNull();
    return task;
  }

  private void awaitEndedAt(String run, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }
}
