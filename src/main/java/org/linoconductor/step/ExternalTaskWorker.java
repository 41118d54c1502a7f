package org.linoconductor.step;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process external-task worker: fetches the tasks of every catalogued step with a short
 * lock and runs each on its own thread, never two on one site at once. It fetches again at once
 * after work; when idle it waits until {@link StepWakeUp} rings (a task was created here) or, for
 * tasks it was not told about (another node, retries set in Cockpit), at most a second.
 */
@Component
class ExternalTaskWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExternalTaskWorker.class);
  private static final long MAX_IDLE_MILLIS = 1000;

  private final StepCatalogue catalogue;
  private final SiteRegistry sites;
  private final RunIdentities runs;
  private final InterruptedStepRecovery recovery;
  private final StepWakeUp wakeUp;
  private final StepWorkerParts parts;
  private final Semaphore slots;
  private final Set<String> busySites = ConcurrentHashMap.newKeySet();
  private final Set<String> runningTasks = ConcurrentHashMap.newKeySet();
  private final ExecutorService steps;
  private volatile Thread fetcher;

  ExternalTaskWorker(StepCatalogue catalogue, SiteRegistry sites, RunIdentities runs, InterruptedStepRecovery recovery,
      StepWakeUp wakeUp, ExternalTaskService engine, StepRunRepository records, ShellRunner shell,
      ShellProperties shellProperties, StepProperties properties) {
    this.catalogue = catalogue;
    this.sites = sites;
    this.runs = runs;
    this.recovery = recovery;
    this.wakeUp = wakeUp;
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("step-heartbeat-"));
    this.parts = new StepWorkerParts(engine, records, shell, shellProperties, properties, scheduler);
    this.slots = new Semaphore(properties.concurrency());
    this.steps = Executors.newFixedThreadPool(properties.concurrency(), new DaemonThreads("step-"));
  }

  @Override
  public void start() {
    if (!parts.properties().workerEnabled()) {
      log.info("STEP-020 Step worker disabled (conductor.steps.worker-enabled=false)");
      return;
    }
    recovery.reportInterruptedSteps();
    Thread thread = new DaemonThreads("step-fetcher-").newThread(this::fetchLoop);
    fetcher = thread;
    thread.start();
    log.info("STEP-021 Step worker {} fetching topics {}", parts.properties().node(), catalogue.topics());
  }

  @Override
  public void stop() {
    Thread thread = fetcher;
    fetcher = null;
    if (thread != null) {
      thread.interrupt();
    }
    steps.shutdownNow();
    parts.scheduler().shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return fetcher != null;
  }

  private void fetchLoop() {
    int empties = 0;
    while (fetcher == Thread.currentThread()) {
      try {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        int started = startFetched(free);
        slots.release(free - started);
        empties = started > 0 ? 0 : empties + 1;
        if (empties > 2) {
          wakeUp.await(Math.min(MAX_IDLE_MILLIS, 10L << Math.min(empties - 3, 7)));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("STEP-022 Fetching steps failed, trying again in a second: {}", e.getMessage(), e);
        sleepQuietly();
      }
    }
  }

  /** Fetches up to {@code free} tasks and starts them; returns how many were started. */
  private int startFetched(int free) {
    if (catalogue.topics().isEmpty()) {
      return 0;
    }
    ExternalTaskQueryBuilder query = parts.engine().fetchAndLock(free, parts.properties().node());
    long lock = parts.properties().lockDuration().toMillis();
    for (String topic : catalogue.topics()) {
      query = query.topic(topic, lock);
    }
    List<LockedExternalTask> tasks = query.execute();
    int started = 0;
    for (LockedExternalTask task : tasks) {
      if (start(task)) {
        started++;
      }
    }
    return started;
  }

  private boolean start(LockedExternalTask task) {
    Step step = catalogue.find(task.getTopicName()).orElseThrow();
    if (runningTasks.contains(task.getId())) {
      return false; // still ours: its lock lapsed between two heartbeats
    }
    if (recovery.wasInterrupted(task)) {
      return false;
    }
    // The site the run was started on, from its record: never a process variable, which anyone may set.
    RunIdentity run = runs.find(task.getProcessInstanceId()).orElse(null);
    if (run == null) {
      fail(task, "Step " + task.getTopicName() + " of run " + task.getProcessInstanceId() + ": the run has no record"
          + " of what it was started with (it was started without its start listeners). Delete it in Cockpit.");
      return false;
    }
    String siteName = run.site();
    Site site = sites.find(siteName).orElse(null);
    if (site == null) {
      fail(task, "Step " + task.getTopicName() + " of run " + task.getProcessInstanceId() + ": unknown site '"
          + siteName + "'. Register the site under /api/sites, then set the retries of this task in Cockpit.");
      return false;
    }
    if (!busySites.add(siteName)) {
      // Another step of this site is running: leave this one for a later fetch.
      parts.engine().unlock(task.getId());
      return false;
    }
    runningTasks.add(task.getId());
    steps.execute(() -> {
      try {
        new StepExecution(task, step, site, run, parts).run();
      } finally {
        runningTasks.remove(task.getId());
        busySites.remove(siteName);
        slots.release();
      }
    });
    return true;
  }

  private void fail(LockedExternalTask task, String message) {
    log.error("STEP-023 {}", message);
    parts.engine().handleFailure(task.getId(), parts.properties().node(), message, null, 0, 0);
  }

  private static void sleepQuietly() {
    try {
      TimeUnit.SECONDS.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
