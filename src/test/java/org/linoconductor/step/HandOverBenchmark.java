package org.linoconductor.step;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.linoconductor.ConductorApplication;
import org.linoconductor.TestLino;
import org.linoconductor.site.SiteRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The cost of one step, side by side (bench/handover.sh runs it): a process of STEPS external tasks
 * in a row, each running {@code /bin/true}, on
 * <ul>
 *   <li>plain Camunda 7: a standalone engine on in-memory H2 and a worker thread that fetches again at
 *       once after each task and spawns {@code /bin/true} through commons-exec's synchronous execute;
 *   <li>Conductor: the whole application on in-memory H2 (no demo, no web applications), its worker
 *       running a step whose command is {@code /bin/true}, with everything a real step has (step
 *       record, session, log file, the site's run lock, the audit listeners).
 * </ul>
 * alternately, ROUNDS times each. A step's cost is the time from one task's start to the next one's
 * (plain: when the worker got the task; Conductor: the step records' start times), so it holds the
 * command, the completion, the next task's creation and its hand-over. Prints min, median and max per
 * engine and the ratio of the medians, and, for Conductor, how a step's time splits: from its record's
 * start to its end (the command, its session, log and records) and from there to the next record's start
 * (the result's report, the next task's creation, fetch and claim).
 *
 * <p>Usage: {@code HandOverBenchmark [STEPS [ROUNDS [--conductor.setting=value ...]]]}, run from the project
 * directory; the settings go to Conductor (e.g. another database).
 */
public final class HandOverBenchmark {

  static final String TOPIC = "bench-true";
  /** Both engines keep as many parsed statements per connection as the shipped H2 database (application.yaml). */
  private static final String QUERY_CACHE = "QUERY_CACHE_SIZE=128";
  /** Conductor's steps from their record's start to its end, and from there to the next record's start. */
  private static final List<Long> INSIDE = new ArrayList<>();
  private static final List<Long> BETWEEN = new ArrayList<>();

  private HandOverBenchmark() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Plain plain = new Plain();
    List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=bench", "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:handover-bench;DB_CLOSE_DELAY=-1;" + QUERY_CACHE,
        "--camunda.bpm.webapp.enabled=false", "--camunda.bpm.job-execution.enabled=false",
        "--conductor.steps.log-dir=target/bench-logs", "--logging.level.root=WARN"));
    settings.addAll(List.of(args).subList(Math.min(2, args.length), args.length)); // more, or other, settings
    ConfigurableApplicationContext conductor = new SpringApplicationBuilder(ConductorApplication.class)
        .initializers(context -> ((GenericApplicationContext) context).registerBean(TrueStep.class))
        .run(settings.toArray(String[]::new));
    try {
      SiteRegistry sites = conductor.getBean(SiteRegistry.class);
      TestLino.productionSite(sites, "bench");
      conductor.getBean(RepositoryService.class).createDeployment()
          .addModelInstance("handover-bench.bpmn", process("handover-bench", TOPIC, steps, true)).deploy();
      StepRunRepository records = conductor.getBean(StepRunRepository.class);
      RuntimeService runtime = conductor.getBean(RuntimeService.class);
      HistoryService history = conductor.getBean(HistoryService.class);

      List<Long> plainSteps = new ArrayList<>();
      List<Long> conductorSteps = new ArrayList<>();
      long plainCpu = 0;
      long conductorCpu = 0;
      for (int warmUp = 0; warmUp < 3; warmUp++) { // until the JIT has compiled both: not counted
        plain.round(steps);
        conductorRound(runtime, history, records, steps);
      }
      INSIDE.clear();
      BETWEEN.clear();
      for (int round = 1; round <= rounds; round++) {
        long cpu = cpuNanos();
        List<Long> p = plain.round(steps);
        plainCpu += cpuNanos() - cpu;
        cpu = cpuNanos();
        List<Long> c = conductorRound(runtime, history, records, steps);
        conductorCpu += cpuNanos() - cpu;
        plainSteps.addAll(p);
        conductorSteps.addAll(c);
        System.out.printf(Locale.ROOT, "round %d: plain Camunda median %.1f ms, Conductor median %.1f ms%n", round,
            median(p) / 1e6, median(c) / 1e6);
      }
      System.out.printf(Locale.ROOT, "one step (external task running /bin/true, to the next one's start), %d x %d"
          + " steps%n", rounds, steps);
      System.out.println("  plain Camunda 7 + commons-exec  ms " + summary(plainSteps));
      System.out.println("  Conductor                       ms " + summary(conductorSteps));
      System.out.printf(Locale.ROOT, "  ratio of medians: %.2f%n", median(conductorSteps) / median(plainSteps));
      System.out.println("  of which, Conductor: record's start to end ms " + summary(INSIDE));
      System.out.println("              record's end to the next's ms " + summary(BETWEEN));
      System.out.println("  worker: " + conductor.getBean(ExternalTaskWorker.class).statistics());
      System.out.printf(Locale.ROOT, "  CPU of the JVM per step (the commands' own not counted): plain %.1f ms,"
          + " Conductor %.1f ms%n", plainCpu / 1e6 / rounds / steps, conductorCpu / 1e6 / rounds / steps);
    } finally {
      conductor.close();
      plain.close();
    }
  }

  /** One run of the Conductor process; the gaps between its step records' starts, in nanoseconds. */
  private static List<Long> conductorRound(RuntimeService runtime, HistoryService history, StepRunRepository records,
      int steps) throws InterruptedException {
    String run = runtime.startProcessInstanceByKey("handover-bench", Map.of(StepVariables.SITE, "bench")).getId();
    while (history.createHistoricProcessInstanceQuery().processInstanceId(run).completed().count() == 0) {
      Thread.sleep(250); // rarely: this thread's queries count in Conductor's CPU figure
    }
    List<StepRun> done = records.ofRun(run);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < done.size(); i++) {
      gaps.add(Duration.between(done.get(i - 1).startedAt(), done.get(i).startedAt()).toNanos());
      INSIDE.add(Duration.between(done.get(i - 1).startedAt(), done.get(i - 1).finishedAt()).toNanos());
      BETWEEN.add(Duration.between(done.get(i - 1).finishedAt(), done.get(i).startedAt()).toNanos());
    }
    if (done.size() != steps) {
      throw new IllegalStateException("Conductor ran " + done.size() + " of " + steps + " steps");
    }
    return gaps;
  }

  /** A process of {@code steps} external tasks of {@code topic} in a row. */
  static BpmnModelInstance process(String key, String topic, int steps, boolean conductorListeners) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent();
    for (int i = 1; i <= steps; i++) {
      flow = flow.serviceTask("Step" + i).name("Step " + i).camundaExternalTask(topic);
    }
    BpmnModelInstance model = flow.endEvent().done();
    if (conductorListeners) {
      // as every Conductor process: the site's run lock and the audit record, at start and end
      Process process = model.getModelElementById(key);
      ExtensionElements extensions = model.newInstance(ExtensionElements.class);
      process.setExtensionElements(extensions);
      for (String[] listener : new String[][] {{"start", "siteRunListener"}, {"start", "runRecorder"},
          {"end", "runRecorder"}, {"end", "siteRunListener"}}) {
        CamundaExecutionListener added = extensions.addExtensionElement(CamundaExecutionListener.class);
        added.setCamundaEvent(listener[0]);
        added.setCamundaDelegateExpression("${" + listener[1] + "}");
      }
    }
    return model;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static String summary(List<Long> nanos) {
    List<Long> sorted = nanos.stream().sorted().toList();
    return String.format(Locale.ROOT, "min %6.1f  median %6.1f  max %6.1f", sorted.get(0) / 1e6, median(nanos) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }

  /** The step Conductor runs: {@code /bin/true} in the site's directory, as any step runs its command. */
  static final class TrueStep implements Step {

    @Override
    public String topic() {
      return TOPIC;
    }

    @Override
    public boolean changesSite() {
      return false;
    }

    @Override
    public StepOutcome execute(StepContext context) {
      return StepOutcome.fromExit(context.run(List.of("/bin/true")), "/bin/true");
    }
  }

  /** Plain Camunda: a standalone engine and a worker that fetches again at once. */
  private static final class Plain implements AutoCloseable {
    private final ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:handover-plain;DB_CLOSE_DELAY=-1;" + QUERY_CACHE).setProcessEngineName("plain")
        .setJobExecutorActivate(false).buildProcessEngine();
    private int deployed;

    List<Long> round(int steps) throws Exception {
      String key = "plain-" + steps;
      if (deployed != steps) {
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
            process(key, "true", steps, false)).deploy();
        deployed = steps;
      }
      ExternalTaskService tasks = engine.getExternalTaskService();
      engine.getRuntimeService().startProcessInstanceByKey(key);
      List<Long> starts = new ArrayList<>();
      while (starts.size() < steps) {
        List<LockedExternalTask> locked = tasks.fetchAndLock(1, "plain").topic("true", 30_000).execute();
        if (locked.isEmpty()) {
          continue; // fetch again at once
        }
        starts.add(System.nanoTime());
        new DefaultExecutor.Builder<>().get().execute(new CommandLine("/bin/true"));
        tasks.complete(locked.get(0).getId(), "plain");
      }
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < starts.size(); i++) {
        gaps.add(starts.get(i) - starts.get(i - 1));
      }
      return gaps;
    }

    @Override
    public void close() {
      engine.close();
    }
  }
}
