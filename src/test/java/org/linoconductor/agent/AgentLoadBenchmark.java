package org.linoconductor.agent;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.HistoryService;
import org.linoconductor.AgentUsers;
import org.linoconductor.ConductorApplication;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark, not a test ({@code bench/agent-load.sh} runs it): how one server copes with many hosts. Starts
 * Conductor as shipped (H2 file database, profile "test": no demo) and one real step agent for host
 * {@code load} with one simulated site, then adds connected agents of other hosts step by step (Camunda's
 * external task client long-polling for every topic an agent runs, as the agent does, each with its own
 * user and host and {@code SITES_PER_HOST} registered sites). At each step it runs RUNS site-snapshots of
 * the {@code load} site one after another and prints, side by side, the hand-over between the two steps, the
 * whole run, {@code /api/sites} (which says for every site whether its host's agent is there), the server's
 * HTTP threads and the JVM's CPU per second while every agent only waits.
 *
 * <p>Arguments: {@code [RUNS (10)] [AGENTS (0,25,50,100)] [SITES_PER_HOST (2)]}.
 */
public final class AgentLoadBenchmark {

  private static final Duration LONG_POLL = Duration.ofSeconds(20);

  private AgentLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int[] agents = Arrays.stream((args.length > 1 ? args[1] : "0,25,50,100").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    int sitesPerHost = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path work = Files.createTempDirectory("agent-load-bench");
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ConductorApplication.class).profiles("test")
        .run("--spring.datasource.url=jdbc:h2:file:" + work.resolve("conductor") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--server.port=0", "--conductor.steps.log-dir=" + work.resolve("logs"), "--logging.level.root=WARN");
    List<ExternalTaskClient> idle = new ArrayList<>();
    ConfigurableApplicationContext agent = null;
    try {
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      ConductorAuthorizations authorizations = app.getBean(ConductorAuthorizations.class);
      SiteRegistry registry = app.getBean(SiteRegistry.class);
      authorizations.ensureOperatorsGroup();
      authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
      AgentUsers.ensure(authorizations, "agent_load", "load");
      TestLino.productionSiteOn(registry, "lbsite", "load");
      agent = StepAgents.start(port, "load", "agent_load", "agent_load", "agent-load");
      List<String> topics = agent.getBeansOfType(Step.class).values().stream().map(Step::topic).sorted().toList();
      Http operator = Http.as(port, "operator", "operator");
      measure(app, operator, 3); // warm-up, not printed

      System.out.printf("%nOne server, one busy agent (host load) and N idle agents of other hosts (%d sites each);"
          + " %d site-snapshot runs per row, one after another%n", sitesPerHost, runs);
      System.out.printf("%6s %6s  %-22s %-22s %-20s %7s %10s%n", "agents", "sites", "hand-over ms", "whole run ms",
          "/api/sites ms", "threads", "idle CPU");
      for (int count : agents) {
        while (idle.size() < count) {
          String host = "idle" + (idle.size() + 1);
          AgentUsers.ensure(authorizations, "agent_" + host, host);
          for (int s = 1; s <= sitesPerHost; s++) {
            TestLino.productionSiteOn(registry, "lb" + host.substring(4) + "x" + s, host);
          }
          idle.add(idleAgent(port, host, topics));
        }
        Thread.sleep(3000); // every idle agent has asked once and is waiting
        double idleCpu = cpuMillisPerSecond(Duration.ofSeconds(10));
        long[][] figures = measure(app, operator, runs);
        long[] sites = new long[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          Http.json(operator.get("/api/sites"));
          sites[i] = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.printf("%6d %6d  %-22s %-22s %-20s %7d %7.0f ms/s%n", count + 1, 1 + count * sitesPerHost,
            stats(figures[0]), stats(figures[1]), stats(sites), httpThreads(), idleCpu);
      }
    } finally {
      if (agent != null) {
        agent.close();
      }
      // each client's stop waits for its long poll; the server's shutdown answers them all at once
      List<Thread> stopping = new ArrayList<>();
      for (ExternalTaskClient client : idle) {
        Thread thread = new Thread(client::stop);
        thread.setDaemon(true);
        thread.start();
        stopping.add(thread);
      }
      app.close();
      for (Thread thread : stopping) {
        thread.join(5000);
      }
      FileSystemUtils.deleteRecursively(work);
      FileSystemUtils.deleteRecursively(TestLino.installation().base());
    }
  }

  /** A connected agent with nothing to do: it long-polls for every topic, as a real one does. */
  private static ExternalTaskClient idleAgent(int port, String host, List<String> topics) {
    ExternalTaskClient client = ExternalTaskClient.create().baseUrl("http://127.0.0.1:" + port + "/engine-rest")
        .workerId("agent-" + host).maxTasks(1).asyncResponseTimeout(LONG_POLL.toMillis()).disableBackoffStrategy()
        .addInterceptor(new BasicAuthProvider("agent_" + host, "agent_" + host))
        .addInterceptor(request -> request.addHeader(AgentHosts.HEADER, host)).disableAutoFetching().build();
    topics.forEach(topic -> client.subscribe(topic).handler((task, service) -> {
      throw new IllegalStateException("an idle agent of " + host + " got task " + task.getId());
    }).open());
    client.start();
    return client;
  }

  /** RUNS snapshot runs of lbsite: per run the hand-over between its two steps and the whole run, in ms. */
  private static long[][] measure(ConfigurableApplicationContext app, Http operator, int runs) throws Exception {
    HistoryService history = app.getBean(HistoryService.class);
    StepRunRepository steps = app.getBean(StepRunRepository.class);
    long[][] figures = new long[2][runs];
    for (int i = 0; i < runs; i++) {
      var started = operator.postJson("/engine-rest/process-definition/key/" + SiteSnapshotProcess.KEY + "/start",
          "{\"variables\":{\"site\":{\"value\":\"lbsite\"}}}");
      String id = Http.json(started).get("id").asText();
      Instant deadline = Instant.now().plusSeconds(120);
      var ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().singleResult();
      while (ended == null) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("run " + id + " did not end within 120 s: " + steps.ofRun(id));
        }
        Thread.sleep(20);
        ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().singleResult();
      }
      List<StepRun> records = steps.ofRun(id);
      figures[0][i] = Duration.between(records.get(0).finishedAt(), records.get(1).startedAt()).toMillis();
      figures[1][i] = ended.getEndTime().getTime() - ended.getStartTime().getTime();
    }
    return figures;
  }

  private static double cpuMillisPerSecond(Duration window) throws InterruptedException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long before = os.getProcessCpuTime();
    Thread.sleep(window.toMillis());
    return (os.getProcessCpuTime() - before) / 1e6 / window.toSeconds();
  }

  private static long httpThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("http-nio")).count();
  }

  private static String stats(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[0] + " / " + sorted[sorted.length / 2] + " / " + sorted[sorted.length - 1];
  }
}
