package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.preview.PreviewSetupProcess.Elements;
import org.linoconductor.preview.PreviewSetupProcess.Topics;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * preview-setup run by the real worker against the simulated installation: the "checked
 * by" on a site of its own. The first sync is the deployed preview-sync (a stand-in that ends at
 * once while the real one is not merged: then this test shows the call is made with the right
 * site, not that a sync ran).
 */
@ConductorWebTest
class PreviewSetupIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired StepRunRepository stepRuns;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired AuditTrail audit;

  @BeforeEach
  void setUp() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    PreviewSyncStandIn.deployIfAbsent(repository);
  }

  @Test
  void aPreviewIsCopiedRenamedReviewedAndEndsLinkedAndRegistered() throws Exception {
    SimulatedSite production = TestLino.productionSite(registry, "ps_anna");
    Path root = production.dir().getParent();
    // The installation is new per test JVM, the vhost directory is not: an earlier JVM's vhost would
    // (rightly) be refused as not written by this run.
    Files.deleteIfExists(Path.of("target/test-vhosts/ps_berta.conf"));
    ProcessInstance run = runtime.startProcessInstanceByKey(PreviewSetupProcess.KEY, Map.of(
        StepVariables.SITE, "ps_anna", Variables.NEW_SITE, "ps_berta",
        Variables.RELEASE_NOTES_URL, "https://example.org/ps_berta/notes"));

    Task review = awaitTask(run, Elements.REVIEW_REPLACEMENTS);
    String diff = (String) runtime.getVariable(run.getId(), Variables.REPLACEMENTS_DIFF);
    assertThat(diff).contains("--- ps_anna/settings.py", "+++ ps_berta/settings.py", "+ALLOWED_HOSTS = ['ps_berta.")
        .contains("ps_berta/wsgi.py");
    assertThat(root.resolve("ps_berta/.conductor/replacements.diff")).content()
        .contains("+++ ps_berta/pull.sh", "+++ ps_berta/initdb_from_prod.sh", "+++ ps_berta/make_snapshot.sh");
    tasks.complete(review.getId(), Map.of(Variables.APPROVED, true, StepVariables.COMMENT, "fine"));
    startSync(run);

    awaitEndedAt(run.getId(), Elements.PREVIEW_READY);
    Path berta = root.resolve("ps_berta");
    assertThat(Files.readString(berta.resolve("settings.py"))).contains("ps_berta").doesNotContain("ps_anna");
    assertThat(Files.readString(production.dir().resolve("settings.py"))).contains("ps_anna").doesNotContain("ps_berta");
    assertThat(SiteLinks.target(root, SiteLinks.PREVIEW)).contains("ps_berta");
    assertThat(Files.readSymbolicLink(berta.resolve("log"))).isEqualTo(root.resolveSibling("log").resolve("ps_berta"));
    assertThat(root.resolveSibling("backups").resolve("ps_berta")).as("its make_snapshot.sh's ARCH_DIR").isDirectory();
    assertThat(Files.readString(berta.resolve("env/bin/activate"))).contains(berta.resolve("env").toString());
    assertThat(production.dir().resolve("snapshot2preview/restore2preview.py")).exists();
    assertThat(Path.of("target/test-vhosts/ps_berta.conf")).content().contains("server_name ps_berta.example.org;");
    assertThat(berta.resolve("static_root")).isDirectory();

    assertThat(registry.require("ps_berta").state()).isEqualTo(SiteState.PREVIEW);
    assertThat(registry.require("ps_berta").releaseNotesUrl()).isEqualTo("https://example.org/ps_berta/notes");
    assertThat(previews.find("ps_berta")).hasValue(new PreviewSite("ps_berta", "ps_anna", true, run.getId()));
    JsonNode sites = Http.json(Http.as(port, "operator", "operator").get("/api/sites"));
    assertThat(StreamSupport.stream(sites.spliterator(), false)
        .filter(site -> "ps_berta".equals(site.get("name").asText())).map(site -> site.get("state").asText()))
        .containsExactly("PREVIEW");

    assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId()).singleResult()
        .getProcessDefinitionKey()).isEqualTo(PreviewSetupProcess.SYNC_KEY);
    assertThat(stepRuns.ofRun(run.getId())).extracting(StepRun::step).containsSubsequence(Topics.CHECK_SPACE,
        Topics.COPY_SITE, Topics.DUMP_PRODUCTION, Topics.LINK_LOG, Topics.REPLACE_NAMES, Topics.MAKE_ENV,
        Topics.PULL_CODE, Topics.CREATE_DATABASE, Topics.COLLECT_STATIC, Topics.REGISTER_PREVIEW,
        Topics.WRITE_VHOST, Topics.SWITCH_PREVIEW_LINK);
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> assertThat(record.outcome())
        .isEqualTo(RunOutcome.SUCCEEDED));
  }

  @Test
  void anAbortAfterAFailedStepRemovesTheNewSiteAndLeavesProductionAlone() throws Exception {
    SimulatedSite production = TestLino.productionSite(registry, "ps_carl");
    Path root = production.dir().getParent();
    // Copied with the site: the new site's collectstatic dies with a traceback.
    production.enable(Scenario.TRACEBACK, "collectstatic");
    String productionSettings = Files.readString(production.dir().resolve("settings.py"));
    ProcessInstance run = runtime.startProcessInstanceByKey(PreviewSetupProcess.KEY, Map.of(
        StepVariables.SITE, "ps_carl", Variables.NEW_SITE, "ps_dora"));

    tasks.complete(awaitTask(run, Elements.REVIEW_REPLACEMENTS).getId(), Map.of(Variables.APPROVED, true));
    Task failed = awaitTask(run, Elements.STEP_FAILED);
    assertThat(runtime.getVariable(run.getId(), StepVariables.FAILED_STEP)).isEqualTo(Topics.COLLECT_STATIC);
    assertThat((String) runtime.getVariable(run.getId(), StepVariables.FAILURE_LOG_TAIL)).contains("Traceback");
    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, PreviewSetupProcess.Actions.ABORT));

    awaitEndedAt(run.getId(), Elements.SETUP_ABORTED);
    production.disable(Scenario.TRACEBACK);
    assertThat(root.resolve("ps_dora")).doesNotExist();
    assertThat(root.resolveSibling("log").resolve("ps_dora")).doesNotExist();
    assertThat(root.resolveSibling("backups").resolve("ps_dora")).doesNotExist();
    assertThat(registry.find("ps_dora")).isEmpty();
    assertThat(Files.exists(root.resolve(SiteLinks.PREVIEW), LinkOption.NOFOLLOW_LINKS)
        && SiteLinks.target(root, SiteLinks.PREVIEW).orElse("").equals("ps_dora")).isFalse();
    assertThat(production.dir().resolve("settings.py")).hasContent(productionSettings);
    assertThat(production.dir().resolve("env/bin/python")).exists();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> assertThat(record.outcome())
        .isEqualTo(RunOutcome.ABORTED));
  }

  /**
   * The first sync is asynchronous before (a job starts it); these tests run without the job
   * executor, so the test executes that job when the run reaches it.
   */
  private void startSync(ProcessInstance run) {
    await().atMost(PATIENCE).until(() -> management.createJobQuery().processInstanceId(run.getId())
        .activityId(Elements.FIRST_SYNC).count() == 1);
    management.executeJob(management.createJobQuery().processInstanceId(run.getId()).singleResult().getId());
  }

  private Task awaitTask(ProcessInstance run, String key) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run.getId())
        .taskDefinitionKey(key).count() == 1);
    return tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey(key).singleResult();
  }

  private void awaitEndedAt(String processInstanceId, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }
}
