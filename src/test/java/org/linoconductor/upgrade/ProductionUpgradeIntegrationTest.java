package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
import org.linoconductor.rollback.CopyRecords;
import org.linoconductor.sim.Layout;
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
  @Autowired CopyRecords copies;

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
    List<String> steps = stepRuns.ofRun(run).stream().map(StepRun::step).toList();
    assertThat(steps).hasSize(15);
    assertThat(steps.subList(0, 3)).containsExactly(Topics.PREFLIGHT, Topics.COPY_ENV, Topics.STOP_SERVICES);
    assertThat(steps.subList(3, 5)).as("run at the same time: either is recorded first")
        .containsExactlyInAnyOrder(Topics.COPY_DATABASE, "make-snapshot");
    assertThat(steps.subList(5, 11)).containsExactly("verify-snapshot", Topics.PULL_CODE,
        Topics.COMPARE_SCHEMA, Topics.RESTORE_SNAPSHOT, Topics.INSTALL_REQUIREMENTS, Topics.BUILD_INDEXES);
    assertThat(steps.subList(11, 13)).as("run at the same time: either is recorded first")
        .containsExactlyInAnyOrder(Topics.COLLECT_STATIC, Topics.CHECK_DATA);
    assertThat(steps.subList(13, 15)).containsExactly(Topics.START_SERVICES, Topics.CHECK_SITE);
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
    SiteAsItWas before = asItWas(site);
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
    assertThat(site.version()).isNotEqualTo(before.version());

    site.disable(Scenario.ABANDON);
    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, ProductionUpgradeProcess.Actions.ROLLBACK,
        StepVariables.COMMENT, "needs a migrator"));

    assertRolledBackTo(before, run, site);
  }

  @Test
  void aSnapshotFailingBesideTheDatabaseCopyLeavesNothingChangedAndTheRollBackEndsRolledBack() {
    SimulatedSite site = registered(INSTALLATION.freshSite());
    SiteAsItWas before = asItWas(site);
    INSTALLATION.publishRelease(true);
    site.enable(Scenario.TRACEBACK, "dump2py");

    String run = start(site);
    Task failed = awaitTask(run, Elements.STEP_FAILED);

    assertThat(runtime.getVariable(run, StepVariables.FAILED_STEP)).isEqualTo("make-snapshot");
    assertThat(stepRuns.ofRun(run)).extracting(StepRun::step).doesNotContain(Topics.PULL_CODE, "verify-snapshot");
    site.disable(Scenario.TRACEBACK);
    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, ProductionUpgradeProcess.Actions.ROLLBACK));

    assertRolledBackTo(before, run, site);
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

  @Test
  void onAPipSiteADanglingPartnerStopsTheUpgradeAndTheRollBackBringsBackEveryRowAndPackage() {
    rollBackAfterAbandonedRestore(INSTALLATION.freshSite(Layout.PIP));
  }

  @Test
  void onAGitSiteADanglingPartnerStopsTheUpgradeAndTheRollBackBringsBackEveryRowAndPackage() {
    rollBackAfterAbandonedRestore(INSTALLATION.freshSite(Layout.GIT));
  }

  /**
   * LINO.md, "Observed on a real Lino 21 site": the snapshot's restore abandons a partner that points
   * at a place that does not exist, and so would every restore of that snapshot; the native copies
   * bring back the database and the env exactly as they were.
   */
  private void rollBackAfterAbandonedRestore(SimulatedSite site) {
    registered(site);
    site.enable(Scenario.DANGLING, "16");
    String versionBefore = site.version();
    String dumpBefore = SimulatedInstallation.sqliteDump(site);
    String freezeBefore = SimulatedInstallation.freeze(site);
    assertThat(dumpBefore).contains("9999");
    INSTALLATION.publishRelease(true);

    String run = start(site);
    Task failed = awaitTask(run, Elements.STEP_FAILED);

    assertThat(runtime.getVariable(run, StepVariables.FAILED_STEP)).isEqualTo(Topics.RESTORE_SNAPSHOT);
    assertThat((String) runtime.getVariable(run, StepVariables.FAILURE_MESSAGE)).contains(
        "abandoned 4 unsaved instances",
        "- contacts.Partner {'city': ['Place instance with id 9999 does not exist.']}"
            + " (1 object(s) with primary key 16)",
        "- notes.Note {'partner': ['Partner instance with id 9 does not exist.']} (1 object(s) with primary key 36)");
    assertThat(site.version()).isNotEqualTo(versionBefore);

    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, ProductionUpgradeProcess.Actions.ROLLBACK));

    awaitEndedAt(run, Elements.UPGRADE_ROLLED_BACK);
    assertThat(audit.run(run)).hasValueSatisfying(record ->
        assertThat(record.outcome()).isEqualTo(RunOutcome.ROLLED_BACK));
    assertThat(SimulatedInstallation.sqliteDump(site)).isEqualTo(dumpBefore);
    assertThat(SimulatedInstallation.freeze(site)).isEqualTo(freezeBefore);
    assertThat(site.version()).isEqualTo(versionBefore);
    assertThat(copies.ofRun(run)).extracting(CopyRecords.Copy::kind).containsExactlyInAnyOrder(
        CopyRecords.Kind.DATABASE, CopyRecords.Kind.ENV);
    assertThat(copies.ofRun(run)).allSatisfy(copy -> assertThat(copy.restoredAt()).isNotNull());
    assertThat(stepRuns.ofRun(run)).filteredOn(r -> r.step().equals(Topics.RESTORE_CODE)).singleElement()
        .satisfies(r -> assertThat(r.summary()).contains("the code is the one recorded before pull.sh"));
  }

  @Test
  void aSignOffAnsweredNoPutsBackRowsPackagesAndTheStaticFilesOfTheOldRelease() throws Exception {
    SimulatedSite site = registered(INSTALLATION.freshSite());
    SimulatedInstallation.run(site, site.managePy("collectstatic", "--noinput"));
    Path release = site.dir().resolve("static_root/lino/release.txt");
    String staticBefore = Files.readString(release);
    try (var files = Files.walk(site.dir().resolve("static_root"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) { // collected long ago
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));
      }
    }
    String dumpBefore = SimulatedInstallation.sqliteDump(site);
    String freezeBefore = SimulatedInstallation.freeze(site);
    String newRelease = INSTALLATION.publishRelease(true);

    String run = start(site);
    Task signOff = awaitTask(run, Elements.SIGN_OFF);
    assertThat(release).hasContent("Lino " + newRelease);
    assertThat(SimulatedInstallation.sqliteDump(site)).isNotEqualTo(dumpBefore);

    tasks.complete(signOff.getId(), Map.of(Variables.SITE_WORKS, false, StepVariables.COMMENT, "invoices gone"));

    awaitEndedAt(run, Elements.UPGRADE_ROLLED_BACK);
    assertThat(SimulatedInstallation.sqliteDump(site)).isEqualTo(dumpBefore);
    assertThat(SimulatedInstallation.freeze(site)).isEqualTo(freezeBefore);
    assertThat(release).as("collectstatic --clear: not the newer copies").hasContent(staticBefore);
    Path copiesDir = site.dir().getParent().resolve(".conductor-copies").resolve(site.name()).resolve(run);
    assertThat(copiesDir.resolve("database-after-upgrade.sqlite3")).as("what the upgrade left is kept").exists();
    assertThat(copiesDir.resolve("env-after-upgrade")).isDirectory();
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

  /** What a roll-back gives back: the code's version and every row. */
  private record SiteAsItWas(String version, String data) {}

  private static SiteAsItWas asItWas(SimulatedSite site) {
    return new SiteAsItWas(site.version(), INSTALLATION.showdata(site));
  }

  private void assertRolledBackTo(SiteAsItWas before, String run, SimulatedSite site) {
    awaitEndedAt(run, Elements.UPGRADE_ROLLED_BACK);
    assertThat(asItWas(site)).isEqualTo(before);
    assertThat(audit.run(run)).hasValueSatisfying(record ->
        assertThat(record.outcome()).isEqualTo(RunOutcome.ROLLED_BACK));
  }

  private void awaitEndedAt(String run, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }
}
