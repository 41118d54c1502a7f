package org.linoconductor.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.linoconductor.ConductorApplication;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark, not a test ({@code bench/nightly-sync.sh} runs it): how close a night comes to the ideal.
 * Starts Conductor as shipped (H2 file database, job executor and step worker on, profile "test": no
 * demo), lays out 20 simulated previews over 5 productions (7, 5, 4, 2 and 2 previews), each preview's
 * restore slowed by 0–3 s (scenario {@code hang run N}, the same every night), and runs NIGHTS nights
 * one after the other. Per night it prints the makespan (the nightly run's start to end), the ideal
 * (the larger of all syncs' time divided by the limit and the longest chain of one production's
 * previews, from the syncs' own durations in run_record) and their ratio, and how long a free slot
 * waited for its next sync. The first night knows no sync durations; the later ones order by them.
 *
 * <p>Arguments: {@code [NIGHTS (3)] [LIMIT (2)]}.
 */
public final class NightlySyncBenchmark {

  private static final int[] PREVIEWS_PER_PRODUCTION = {7, 5, 4, 2, 2};

  private NightlySyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int nights = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path work = Files.createTempDirectory("nightly-sync-bench");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ConductorApplication.class).profiles("test")
        .run("--spring.datasource.url=jdbc:h2:file:" + work.resolve("conductor") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--server.port=0",
            "--conductor.steps.log-dir=" + work.resolve("logs"),
            "--conductor.preview.upgrades-log=" + TestLino.installation().base().resolve("log/upgrades.log"),
            "--conductor.preview.make-env-command={root}/../bin/make-env,{site}",
            "--conductor.preview.vhost-dir=" + work.resolve("vhosts"),
            "--conductor.preview.max-concurrent-syncs=" + limit,
            "--logging.level.root=WARN");
    try {
      Map<String, String> productionOf = layOut(app);
      System.out.printf("%n20 previews over %d productions %s, limit %d, %d nights%n", PREVIEWS_PER_PRODUCTION.length,
          Arrays.toString(PREVIEWS_PER_PRODUCTION), limit, nights);
      System.out.println("night  makespan  ideal  ratio  synced  skipped  failed  all syncs  longest chain"
          + "  slot refill ms (min/median/max)");
      List<Double> ratios = new ArrayList<>();
      for (int night = 1; night <= nights; night++) {
        ratios.add(runNight(app, night, limit, productionOf));
      }
      ratios.sort(Comparator.naturalOrder());
      System.out.printf("ratio makespan/ideal over %d nights: min %.3f  median %.3f  max %.3f%n", ratios.size(),
          ratios.get(0), ratios.get(ratios.size() / 2), ratios.get(ratios.size() - 1));
    } finally {
      app.close();
      FileSystemUtils.deleteRecursively(work);
      FileSystemUtils.deleteRecursively(TestLino.installation().base());
    }
  }

  /** The productions and their nightly previews, with each preview's slow-down; preview → production. */
  private static Map<String, String> layOut(ConfigurableApplicationContext app) throws IOException {
    SiteRegistry registry = app.getBean(SiteRegistry.class);
    PreviewSites previews = app.getBean(PreviewSites.class);
    Random random = new Random(42);
    Map<String, String> productionOf = new HashMap<>();
    for (int p = 0; p < PREVIEWS_PER_PRODUCTION.length; p++) {
      SimulatedSite production = TestLino.productionSite(registry, "nbp" + (p + 1));
      for (int v = 1; v <= PREVIEWS_PER_PRODUCTION[p]; v++) {
        SimulatedSite preview = SimulatedPreviews.previewOf(registry, previews, production,
            production.name() + "v" + v, true);
        int slower = random.nextInt(4);
        if (slower > 0) {
          preview.enable(Scenario.HANG, "run " + slower);
        }
        productionOf.put(preview.name(), production.name());
      }
    }
    return productionOf;
  }

  private static double runNight(ConfigurableApplicationContext app, int number, int limit,
      Map<String, String> productionOf) throws InterruptedException {
    ManagementService management = app.getBean(ManagementService.class);
    HistoryService history = app.getBean(HistoryService.class);
    Job timer = management.createJobQuery().processDefinitionKey(NightlySyncProcess.KEY).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
    management.executeJob(timer.getId());
    String night = history.createHistoricProcessInstanceQuery().processDefinitionKey(NightlySyncProcess.KEY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
    HistoricProcessInstance ended;
    do {
      Thread.sleep(200);
      ended = history.createHistoricProcessInstanceQuery().processInstanceId(night).finished().singleResult();
    } while (ended == null);

    List<NightlySyncResult> record = app.getBean(NightlySyncResults.class).ofRun(night);
    AuditTrail audit = app.getBean(AuditTrail.class);
    List<RunRecord> syncs = record.stream().filter(r -> r.syncRun() != null)
        .map(r -> audit.run(r.syncRun()).orElseThrow()).toList();
    Duration all = Duration.ZERO;
    Map<String, Duration> chains = new HashMap<>();
    for (RunRecord sync : syncs) {
      Duration took = Duration.between(sync.startedAt(), sync.endedAt());
      all = all.plus(took);
      chains.merge(productionOf.get(sync.site()), took, Duration::plus);
    }
    Duration longestChain = chains.values().stream().max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    Duration ideal = all.dividedBy(limit).compareTo(longestChain) > 0 ? all.dividedBy(limit) : longestChain;
    Duration makespan = Duration.between(ended.getStartTime().toInstant(), ended.getEndTime().toInstant());
    double ratio = (double) makespan.toMillis() / ideal.toMillis();
    System.out.printf("%5d  %7.1fs  %4.1fs  %5.3f  %6d  %7d  %6d  %8.1fs  %12.1fs  %s%n", number,
        seconds(makespan), seconds(ideal), ratio, count(record, Result.SYNCED), count(record, Result.SKIPPED),
        count(record, Result.FAILED), seconds(all), seconds(longestChain), refills(syncs, limit));
    return ratio;
  }

  /**
   * How long each sync started after the first {@code limit} waited for its slot: from the latest end
   * of a sync before its start to its start (the time the slot stood empty, at most).
   */
  private static String refills(List<RunRecord> syncs, int limit) {
    List<RunRecord> byStart = syncs.stream().sorted(Comparator.comparing(RunRecord::startedAt)).toList();
    List<Long> waits = new ArrayList<>();
    for (RunRecord sync : byStart.subList(Math.min(limit, byStart.size()), byStart.size())) {
      syncs.stream().map(RunRecord::endedAt).filter(end -> !end.isAfter(sync.startedAt()))
          .max(Comparator.naturalOrder())
          .ifPresent(end -> waits.add(Duration.between(end, sync.startedAt()).toMillis()));
    }
    if (waits.isEmpty()) {
      return "-";
    }
    waits.sort(Comparator.naturalOrder());
    return waits.get(0) + " / " + waits.get(waits.size() / 2) + " / " + waits.get(waits.size() - 1);
  }

  private static long count(List<NightlySyncResult> record, Result result) {
    return record.stream().filter(r -> r.result() == result).count();
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
