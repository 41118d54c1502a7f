package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
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
import org.linoconductor.TestLino;
import org.linoconductor.preview.PreviewSyncProcess.Actions;
import org.linoconductor.preview.PreviewSyncProcess.Elements;
import org.linoconductor.preview.PreviewSyncProcess.Topics;
import org.linoconductor.preview.PreviewSyncProcess.Variables;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;

/** preview-sync run by the real worker: a simulated production site synced to its simulated preview. */
@ConductorWebTest
class PreviewSyncIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String ADAPTED = SimulatedPreviews.ADAPTED;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired StepRunRepository stepRuns;

  @Test
  void aSyncMirrorsProductionsDataAndMediaToThePreviewAlthoughDirectoryTimesCannotBeSet() throws Exception {
    SimulatedSite prod = TestLino.productionSite(registry, "syn_prod");
    SimulatedSite preview = previewOf(prod, "syn_prev");
    Files.createDirectories(prod.dir().resolve("media/uploads/2026/11"));
    Files.writeString(prod.dir().resolve("media/uploads/2026/11/new-invoice.pdf"), "%PDF new\n");
    Files.writeString(preview.dir().resolve("media/only-in-preview.txt"), "stale\n");
    // Directories owned by another user: rsync fails (exit 23) unless --omit-dir-times is given.
    preview.enable(Scenario.RSYNC_DIR_TIMES, "");
    assertThat(showdata(preview)).isNotEqualTo(showdata(prod));

    String run = start("syn_prev");

    awaitEndedAt(run, Elements.PREVIEW_SYNCED);
    assertThat(showdata(preview)).isEqualTo(showdata(prod));
    assertThat(preview.dir().resolve("media/uploads/2026/11/new-invoice.pdf")).hasContent("%PDF new");
    assertThat(preview.dir().resolve("media/only-in-preview.txt")).doesNotExist();
    assertThat(preview.dir().resolve("media/media")).doesNotExist();
    // dump2py -o kept the operator's restore2preview.py, and the mirror brought it to the preview.
    assertThat(Files.readString(prod.dir().resolve("snapshot2preview/restore2preview.py"))).startsWith(ADAPTED);
    assertThat(Files.readString(preview.dir().resolve("snapshot2preview/restore2preview.py"))).startsWith(ADAPTED);

    List<StepRun> records = stepRuns.ofRun(run);
    assertThat(records).extracting(StepRun::step).containsExactly(Topics.CHECK_PROGRAMS, Topics.LOG_SYNC_START,
        Topics.DUMP_PRODUCTION, Topics.MIRROR_FILES, Topics.RESTORE_TO_PREVIEW, Topics.COLLECT_STATIC,
        Topics.LOG_SYNC_END);
    assertThat(records).extracting(StepRun::status).containsOnly(StepRun.Status.SUCCEEDED);
    assertThat(records.get(0).command()).contains("nice rsync --version");
    assertThat(records.get(2).command()).startsWith(prod.dir().resolve("env/bin/python") + " manage.py dump2py -o");
    assertThat(records.get(3).command()).contains("nice rsync -a --verbose --delete --delete-excluded"
        + " --delete-during --times --omit-dir-times --log-file", prod.dir() + "/media/ " + preview.dir() + "/media/",
        prod.dir() + "/snapshot2preview/ " + preview.dir() + "/snapshot2preview/");
    assertThat(records.get(4).summary()).isEqualTo("Loaded 223 objects from snapshot2preview/restore2preview.py");

    String log = Files.readString(TestLino.installation().base().resolve("log/upgrades.log"));
    assertThat(log).containsPattern("preview-sync of syn_prev from syn_prod \\(run " + run + "\\) was started \\w{3} ")
        .contains("preview-sync of syn_prev from syn_prod (run " + run + ") finished ")
        .contains("*deleting   only-in-preview.txt", ">f+++++++++ uploads/2026/11/new-invoice.pdf");  // rsync's --log-file
  }

  @Test
  void anAbandonedRestoreWaitsForTheAdaptedScriptAndTheRetryMirrorsItAndSucceeds() throws Exception {
    SimulatedSite prod = TestLino.productionSite(registry, "syn_prod2");
    SimulatedSite preview = previewOf(prod, "syn_prev2");
    TestLino.pullNewRelease(preview); // the preview runs newer code: its restore migrates
    preview.enable(Scenario.ABANDON, "3");

    String run = start("syn_prev2");

    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run)
        .taskDefinitionKey(Elements.ADAPT_RESTORE_SCRIPT).count() == 1);
    Map<String, Object> variables = runtime.getVariables(run);
    // Production already lost two of the three partners the scenario abandons.
    assertThat(variables).containsEntry(Variables.UNSAVED_INSTANCES, 1)
        .containsEntry(Variables.RESTORE_SCRIPT, prod.dir().resolve("snapshot2preview/restore2preview.py").toString());
    assertThat((String) variables.get(StepVariables.FAILURE_MESSAGE)).contains("abandoned 1 unsaved instances");

    // The operator adapts production's restore2preview.py (here: the cause goes away), then retries.
    preview.disable(Scenario.ABANDON);
    Files.writeString(prod.dir().resolve("snapshot2preview/restore2preview.py"), "# second adaptation\n",
        StandardOpenOption.APPEND);
    Task adapt = tasks.createTaskQuery().processInstanceId(run).singleResult();
    tasks.complete(adapt.getId(), Map.of(StepVariables.ACTION, Actions.RETRY));

    awaitEndedAt(run, Elements.PREVIEW_SYNCED);
    assertThat(showdata(preview)).isEqualTo(showdata(prod));
    assertThat(preview.dir().resolve("snapshot2preview/restore2preview.py")).content().contains("# second adaptation");
    assertThat(stepRuns.ofRun(run)).extracting(StepRun::step, StepRun::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Topics.CHECK_PROGRAMS, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.LOG_SYNC_START, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.DUMP_PRODUCTION, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.MIRROR_FILES, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.RESTORE_TO_PREVIEW, StepRun.Status.FAILED),
        org.assertj.core.groups.Tuple.tuple(Topics.CHECK_PROGRAMS, StepRun.Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(Topics.LOG_SYNC_START, StepRun.Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(Topics.DUMP_PRODUCTION, StepRun.Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple(Topics.MIRROR_FILES, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.RESTORE_TO_PREVIEW, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.COLLECT_STATIC, StepRun.Status.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple(Topics.LOG_SYNC_END, StepRun.Status.SUCCEEDED));
  }

  /** {@link SimulatedPreviews#previewOf}, after which production's data changes: only a sync makes the two equal. */
  private SimulatedSite previewOf(SimulatedSite prod, String name) throws IOException {
    SimulatedSite preview = SimulatedPreviews.previewOf(registry, previews, prod, name, false);
    // Users delete two partners in production: its data now differs from the preview's.
    deletePartners(prod, 149, 150);
    return preview;
  }

  private String start(String site) {
    return runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY, Map.of(StepVariables.SITE, site)).getId();
  }

  private void awaitEndedAt(String run, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }

  private static String showdata(SimulatedSite site) throws Exception {
    return managePy(site, "showdata");
  }

  private static void deletePartners(SimulatedSite site, int... ids) throws IOException {
    StringBuilder sql = new StringBuilder("delete from contacts_partner where id in (");
    for (int i = 0; i < ids.length; i++) {
      sql.append(i == 0 ? "" : ",").append(ids[i]);
    }
    ProcessBuilder builder = new ProcessBuilder(site.dir().resolve("env/bin/python").toString(), "-c",
        "import sqlite3, sys; db = sqlite3.connect('default.db'); db.execute(sys.argv[1]); db.commit()",
        sql.append(")").toString()).directory(site.dir().toFile()).redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      assertThat(process.waitFor()).as(output).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String managePy(SimulatedSite site, String... args) {
    return SimulatedPreviews.managePy(site, args);
  }
}
