package org.linoconductor.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.archive.ArchiveSiteProcess.Elements;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.site.SiteStateChange;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * archive-site run by the real worker on simulated sites: an OLD site beside its successor, started
 * by an operator over REST as from Tasklist; the directory really moves, the registry records it.
 */
@ConductorWebTest
class ArchiveSiteIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository stepRuns;
  @Autowired ConductorAuthorizations authorizations;

  private Http operator;

  @BeforeEach
  void operatorExists() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    operator = Http.as(port, "operator", "operator");
  }

  @Test
  void anOldSiteMovesToTheArchiveOfItsRootAndIsArchivedByTheOperatorWhoStartedIt() {
    SimulatedLino root = oldSiteBeside("arci_new", "arci_old");
    Path archived = root.root().resolve("archive/arci_old");

    String run = start("arci_old", false);

    awaitEndedAt(run, Elements.SITE_ARCHIVED);
    assertThat(root.root().resolve("arci_old")).doesNotExist();
    assertThat(archived.resolve("manage.py")).exists();
    assertThat(archived.resolve("default.db")).exists();
    assertThat(registry.require("arci_old").state()).isEqualTo(SiteState.ARCHIVED);
    assertThat(registry.require("arci_old").archivedTo()).isEqualTo(archived);
    assertThat(registry.stateChangesInRun(run)).extracting(SiteStateChange::site, SiteStateChange::from,
        SiteStateChange::to, SiteStateChange::changedBy).containsExactly(
            org.assertj.core.groups.Tuple.tuple("arci_old", SiteState.OLD, SiteState.ARCHIVED, "operator"));
    assertThat(stepRuns.ofRun(run)).singleElement().satisfies(step -> {
      assertThat(step.status()).isEqualTo(StepRun.Status.SUCCEEDED);
      assertThat(step.summary()).isEqualTo("Moved " + root.root().resolve("arci_old") + " to " + archived
          + "; arci_old is ARCHIVED");
    });

    JsonNode site = Http.json(operator.get("/api/sites/arci_old"));
    assertThat(site.get("state").asText()).isEqualTo("ARCHIVED");
    assertThat(site.get("archivedTo").asText()).isEqualTo(archived.toString());
    assertThat(site.get("history").findValuesAsText("to")).containsExactly("OLD", "ARCHIVED");
    assertThat(site.get("history").get(1).get("run").asText()).isEqualTo(run);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "arci_old"))).hasMessageContaining("Site arci_old is ARCHIVED");
  }

  @Test
  void aNameTakenInTheArchiveGetsATimeSuffixAndTheOtherDirectoryStaysAsItWas() throws Exception {
    SimulatedLino root = oldSiteBeside("arcs_new", "arcs_old");
    Path earlier = Files.createDirectories(root.root().resolve("archive/arcs_old"));
    Files.writeString(earlier.resolve("note.txt"), "an earlier arcs_old\n");

    String run = start("arcs_old", false);

    awaitEndedAt(run, Elements.SITE_ARCHIVED);
    Path archived = registry.require("arcs_old").archivedTo();
    assertThat(archived.getParent()).isEqualTo(root.root().resolve("archive"));
    assertThat(archived.getFileName().toString()).matches("arcs_old-\\d{8}-\\d{6}");
    assertThat(archived.resolve("manage.py")).exists();
    assertThat(earlier).isDirectoryContaining(path -> path.getFileName().toString().equals("note.txt"));
    assertThat(earlier.resolve("manage.py")).doesNotExist();
  }

  @Test
  void aSiteALinkStillServesIsNotMovedUntilTheLinkIsGoneAndTheOperatorRetries() {
    SimulatedLino root = oldSiteBeside("arcl_new", "arcl_old");
    root.linkPreview("arcl_old");

    String run = start("arcl_old", false);

    Task decision = awaitTask(run, Elements.DECIDE_ON_FAILED_ARCHIVE);
    assertThat((String) runtime.getVariable(run, StepVariables.FAILURE_MESSAGE)).isEqualTo(
        "Step archive-site-directory failed on site arcl_old: Site arcl_old is still served: "
            + root.root().resolve("preview") + " points to " + root.root().resolve("arcl_old") + ". Point the link"
            + " to another site (or remove it) first, then retry. Nothing was moved.");
    assertThat(root.root().resolve("arcl_old/manage.py")).exists();
    assertThat(registry.require("arcl_old").state()).isEqualTo(SiteState.OLD);

    SiteLinks.remove(root.root(), SiteLinks.PREVIEW);
    tasks.complete(decision.getId(), Map.of(StepVariables.ACTION, "retry", StepVariables.COMMENT, "link removed"));

    awaitEndedAt(run, Elements.SITE_ARCHIVED);
    assertThat(root.root().resolve("archive/arcl_old/manage.py")).exists();
    assertThat(registry.require("arcl_old").state()).isEqualTo(SiteState.ARCHIVED);
  }

  @Test
  void aDryRunSaysWhereTheDirectoryWouldGoAndMovesNothing() {
    SimulatedLino root = oldSiteBeside("arcd_new", "arcd_old");

    String run = start("arcd_old", true);

    awaitEndedAt(run, Elements.DRY_RUN_DONE);
    assertThat(root.root().resolve("arcd_old/manage.py")).exists();
    assertThat(root.root().resolve("archive")).doesNotExist();
    assertThat(registry.require("arcd_old").state()).isEqualTo(SiteState.OLD);
    assertThat(stepRuns.ofRun(run)).singleElement().satisfies(step -> {
      assertThat(step.status()).isEqualTo(StepRun.Status.RENDERED);
      assertThat(step.summary()).isEqualTo("dry run: would move " + root.root().resolve("arcd_old") + " to "
          + root.root().resolve("archive/arcd_old") + " and record arcd_old ARCHIVED");
    });
  }

  /**
   * The PRODUCTION site {@code production} with {@code prod} pointing to it, and beside it in its root
   * the simulated site {@code old}, registered OLD: what an accepted upgrade attempt leaves behind.
   */
  private SimulatedLino oldSiteBeside(String production, String old) {
    TestLino.productionSite(registry, production);
    SimulatedLino root = TestLino.rootOf(production);
    root.createSite(old);
    root.linkProd(production);
    registry.register(new SiteRequest(old, root.root().toString(), old, SiteState.OLD, DatabaseKind.SQLITE, false,
        "tester", List.of("tester"), null, null, null, null), "operator", null);
    return root;
  }

  /** Starts the run over REST as the operator, as Tasklist does; returns its id. */
  private String start(String site, boolean dryRun) {
    var response = operator.postJson("/engine-rest/process-definition/key/" + ArchiveSiteProcess.KEY + "/start",
        "{\"variables\":{\"site\":{\"value\":\"%s\"},\"dryRun\":{\"value\":%s}}}".formatted(site, dryRun));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).get("id").asText();
  }

  private Task awaitTask(String run, String taskKey) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run).taskDefinitionKey(taskKey)
        .count() == 1);
    return tasks.createTaskQuery().processInstanceId(run).singleResult();
  }

  private void awaitEndedAt(String run, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }
}
