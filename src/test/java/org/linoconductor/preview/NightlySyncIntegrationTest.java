package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A night of real syncs by the real worker on simulated sites, with the job executor off: after the
 * nightly timer (fired here), every round comes from a run's end alone. One production's dump takes
 * two seconds more, so its three previews wait for each other instead of being skipped.
 */
@ConductorWebTest
class NightlySyncIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(180);

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired NightlySyncResults results;
  @Autowired AuditTrail audit;
  @Autowired PreviewProperties properties;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyPreviewSyncsOnceAtMostTwoAtATimeAndPreviewsOfABusyProductionWaitForIt() throws Exception {
    jdbc.update("update preview_site set nightly_sync = false"); // this night is this test's previews only
    SimulatedSite slow = TestLino.productionSite(registry, "nsi_slow");
    SimulatedSite quick = TestLino.productionSite(registry, "nsi_quick");
    List<SimulatedSite> previewSites = new ArrayList<>();
    for (String name : List.of("nsi_s1", "nsi_s2", "nsi_s3")) {
      previewSites.add(SimulatedPreviews.previewOf(registry, previews, slow, name, true));
    }
    previewSites.add(SimulatedPreviews.previewOf(registry, previews, quick, "nsi_q1", true));
    slow.enable(Scenario.HANG, "dump2py 2");

    String night;
    try {
      night = fireNightlyTimer();
      await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(night).count() == 0);
    } finally {
      slow.disable(Scenario.HANG);
    }

    List<NightlySyncResult> record = results.ofRun(night);
    assertThat(record).extracting(NightlySyncResult::result).as("%s", record).containsOnly(Result.SYNCED);
    assertThat(record).hasSize(4);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(night)
        .activityId(NightlySyncProcess.Elements.MINUTE_PASSED).count()).isZero();
    List<RunRecord> syncs = record.stream().map(r -> audit.run(r.syncRun()).orElseThrow()).toList();
    assertThat(syncs).extracting(RunRecord::outcome).containsOnly(RunOutcome.SUCCEEDED);
    assertThat(jdbc.queryForObject("select count(*) from run_record where process_key = ? and site like 'nsi_%'",
        Integer.class, PreviewSyncProcess.KEY)).as("preview-sync runs, none started twice").isEqualTo(4);
    assertThat(mostAtOnce(syncs)).isLessThanOrEqualTo(properties.maxConcurrentSyncs());
    Map<String, RunRecord> bySite = syncs.stream().collect(Collectors.toMap(RunRecord::site, Function.identity()));
    assertThat(mostAtOnce(List.of(bySite.get("nsi_s1"), bySite.get("nsi_s2"), bySite.get("nsi_s3"))))
        .as("previews of one production, one after the other").isEqualTo(1);
    for (SimulatedSite preview : previewSites) {
      assertThat(showdata(preview)).as(preview.name()).isEqualTo(showdata(preview.name().startsWith("nsi_s")
          ? slow : quick));
    }
    String log = Files.readString(TestLino.installation().base().resolve("log/upgrades.log"));
    for (RunRecord sync : syncs) {
      assertThat(log).contains("(run " + sync.processInstanceId() + ") finished ");
    }
  }

  /** Fires the nightly timer as the job executor would at 2 o'clock; returns the new night's id. */
  private String fireNightlyTimer() {
    Job timer = management.createJobQuery().processDefinitionKey(NightlySyncProcess.KEY).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
    management.executeJob(timer.getId());
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(NightlySyncProcess.KEY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  /** The most runs that were working at the same instant. */
  private static int mostAtOnce(List<RunRecord> runs) {
    record Edge(Instant at, int change) {}
    List<Edge> edges = new ArrayList<>();
    runs.forEach(run -> {
      edges.add(new Edge(run.startedAt(), 1));
      edges.add(new Edge(run.endedAt(), -1));
    });
    edges.sort(Comparator.comparing(Edge::at).thenComparing(Edge::change));
    int now = 0;
    int most = 0;
    for (Edge edge : edges) {
      now += edge.change();
      most = Math.max(most, now);
    }
    return most;
  }

  private static String showdata(SimulatedSite site) {
    return SimulatedPreviews.managePy(site, "showdata");
  }
}
