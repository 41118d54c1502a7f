package org.linoconductor.step;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process external-task worker: fetches tasks with a short lock and runs each on its own
 * thread. It fetches only when there can be work: when {@link StepWakeUp} rings for a topic (a task
 * was created here, a site a task waited for is free, a fetch came back full), and then only those
 * topics; and, for work nobody rang for (another node, retries set in Cockpit, an activated run), after
 * {@code idle-fetch-interval} without any, the topics the engine has fetchable tasks of. Nothing
 * sleeps between one step's end and the next one's start.
 *
 * <p>The thread whose step's completion created the next task fetches and runs it itself: the hand-over
 * wakes no other thread (on a busy machine each wake-up may wait for a processor). A site runs the steps
 * of one run at a time: two steps of the same run at once where the diagram runs them in parallel, never
 * steps of two runs. A task whose result is recorded but was not taken by the engine is reported again,
 * never run again.
 *
 * <p>It never takes the tasks of a run whose site has a host ({@link RunIdentity#host()}): the step agent
 * of that host runs them ({@link HostTenants}).
 */
@Component
class ExternalTaskWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExternalTaskWorker.class);
  /** How many fetchable tasks the idle look reads to learn which topics have work. */
  private static final int IDLE_LOOK = 100;

  private final StepCatalogue catalogue;
  private final SiteRegistry sites;
  private final RunIdentities runs;
  private final InterruptedStepRecovery recovery;
  private final StepWakeUp wakeUp;
  private final StepWorkerParts parts;
  private final Semaphore slots;
  /** Per site: the run whose steps it runs now, and how many; guarded by itself. */
  private final Map<String, SiteRun> busySites = new HashMap<>();
  /** Per site: topics of tasks put back because another run's step held the site; guarded by busySites. */
  private final Map<String, Set<String>> waitingForSite = new HashMap<>();
  private final Set<String> runningTasks = ConcurrentHashMap.newKeySet();
  private final ExecutorService steps;
  private final Statistics statistics = new Statistics();
  private volatile Thread fetcher;

  ExternalTaskWorker(StepCatalogue catalogue, SiteRegistry sites, RunIdentities runs, InterruptedStepRecovery recovery,
      StepWakeUp wakeUp, ExternalTaskService engine, StepRunRepository records, ShellRunner shell,
      ShellProperties shellProperties, StepProperties properties, ResultReporter reporter,
      StepFailedCatch failedCatch, ApplicationEventPublisher events) {
    this.catalogue = catalogue;
    this.sites = sites;
    this.runs = runs;
    this.recovery = recovery;
    this.wakeUp = wakeUp;
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("step-heartbeat-"));
    this.parts = new StepWorkerParts(engine, records, shell, shellProperties, properties, scheduler, reporter,
        failedCatch, events);
    this.slots = new Semaphore(properties.concurrency());
    this.steps = Executors.newFixedThreadPool(properties.concurrency(), new DaemonThreads("step-"));
  }

  @Override
  public void start() {
    if (!parts.properties().workerEnabled()) {
      log.info("STEP-020 Step worker disabled (conductor.steps.worker-enabled=false)");
      return;
    }
    Thread thread = new DaemonThreads("step-fetcher-").newThread(this::fetchLoop);
    fetcher = thread;
    thread.start();
    // whatever waits already was created before anyone could ring
    wakeUp.ring(StepWakeUp.ANY_TOPIC);
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

  /** How the worker found its work so far (for tests and benchmarks). */
  Statistics statistics() {
    return statistics;
  }

  private void fetchLoop() {
    long idle = parts.properties().idleFetchInterval().toMillis();
    while (fetcher == Thread.currentThread()) {
      try {
        StepWakeUp.Wake wake = wakeUp.await(idle);
        boolean idleLook = wake.timedOut();
        if (idleLook) {
          parts.reporter().retryPending();
        }
        Set<String> topics = idleLook ? fetchableTopics() : topics(wake.topics());
        if (topics.isEmpty()) {
          continue;
        }
        slots.acquire();
        int free = 1 + slots.drainPermits();
        List<LockedExternalTask> tasks = fetch(free, topics);
        int started = 0;
        for (LockedExternalTask task : tasks) {
          Claimed claimed = claim(task, idleLook);
          if (claimed != null) {
            started++;
            steps.execute(() -> work(claimed));
          }
        }
        slots.release(free - started);
        if (tasks.size() == free) {
          wakeUp.ring(topics); // there may be more: fetch again as soon as a slot is free
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("STEP-022 Fetching steps failed, trying again in a second: {}", e.getMessage(), e);
        sleepQuietly();
        wakeUp.ring(StepWakeUp.ANY_TOPIC);
      }
    }
  }

  private Set<String> topics(Set<String> rung) {
    if (rung.contains(StepWakeUp.ANY_TOPIC)) {
      return catalogue.topics();
    }
    Set<String> known = new HashSet<>(rung);
    known.retainAll(catalogue.topics());
    return known;
  }

  /** The topics of catalogued steps that have tasks to fetch now: one plain query instead of a fetch. */
  private Set<String> fetchableTopics() {
    Set<String> topics = parts.engine().createExternalTaskQuery().notLocked().active().withRetriesLeft()
        .listPage(0, IDLE_LOOK).stream().map(ExternalTask::getTopicName).collect(Collectors.toSet());
    topics.retainAll(catalogue.topics());
    return topics;
  }

  private List<LockedExternalTask> fetch(int max, Set<String> topics) {
    statistics.fetches.incrementAndGet();
    ExternalTaskQueryBuilder query = parts.engine().fetchAndLock(max, parts.properties().node());
    long lock = parts.properties().lockDuration().toMillis();
    for (String topic : topics) {
      // the tasks of runs on a site with a host are its agent's (HostTenants)
      query = query.topic(topic, lock).withoutTenantId();
    }
    return query.execute();
  }

  /**
   * Runs a claimed step, then, on the same thread, the steps its completion created (the next step of
   * its run): the hand-over wakes neither the fetcher nor another step thread.
   */
  private void work(Claimed first) {
    Claimed current = first;
    while (current != null) {
      Claimed step = current;
      Set<String> rungHere = wakeUp.keepRingsHere(() -> {
        try {
          new StepExecution(step.task(), step.step(), step.site(), step.run(), parts, step.release()).run();
        } finally {
          step.release().run();
        }
      });
      current = rungHere.isEmpty() ? null : successor(rungHere);
    }
  }

  /** Fetches the tasks a completion on this thread created; returns one to run here, hands on the rest. */
  private Claimed successor(Set<String> rung) {
    Set<String> topics = topics(rung);
    if (topics.isEmpty()) {
      return null;
    }
    // stopping (its interrupt is for this thread), or no slot free: the fetcher takes them when one is
    if (fetcher == null || Thread.interrupted() || !slots.tryAcquire()) {
      wakeUp.ring(topics);
      return null;
    }
    int free = 1 + slots.drainPermits();
    Claimed here = null;
    int started = 0;
    try {
      List<LockedExternalTask> tasks = fetch(free, topics);
      for (LockedExternalTask task : tasks) {
        Claimed claimed = claim(task, false);
        if (claimed == null) {
          continue;
        }
        started++;
        if (here == null) {
          here = claimed;
          statistics.handedOverOnTheSameThread.incrementAndGet();
        } else {
          steps.execute(() -> work(claimed));
        }
      }
      if (tasks.size() == free) {
        wakeUp.ring(topics); // there may be more
      }
    } catch (RuntimeException e) {
      log.error("STEP-022 Fetching the next step failed, the worker tries again: {}", e.getMessage(), e);
      wakeUp.ring(topics);
    } finally {
      slots.release(free - started);
    }
    return here;
  }

  /**
   * Takes a fetched task for this worker: its site (and a slot, already held by the caller) are its
   * own until it ends; {@code null} when it must not run as a new step (see the reasons inside).
   */
  private Claimed claim(LockedExternalTask task, boolean foundIdle) {
    Step step = catalogue.find(task.getTopicName()).orElseThrow();
    if (runningTasks.contains(task.getId())) {
      return null; // still ours: its lock lapsed between two heartbeats
    }
    var unfinished = parts.records().unfinishedFor(task.getId());
    if (unfinished.isPresent()) {
      // its worker died (RUNNING), or its result was refused: it goes on from its record, it does not run again
      recovery.resume(unfinished.get());
      return null;
    }
    // The site the run was started on, from its record: never a process variable, which anyone may set.
    RunIdentity run = runs.find(task.getProcessInstanceId()).orElse(null);
    if (run == null) {
      fail(task, "Step " + task.getTopicName() + " of run " + task.getProcessInstanceId() + ": the run has no record"
          + " of what it was started with (it was started without its start listeners). Delete it in Cockpit.");
      return null;
    }
    if (run.host() != null) {
      parts.engine().unlock(task.getId()); // its host's agent runs it; the tenant filter keeps such tasks away
      return null;
    }
    String siteName = run.site();
    Site site = sites.find(siteName).orElse(null);
    if (site == null) {
      fail(task, "Step " + task.getTopicName() + " of run " + task.getProcessInstanceId() + ": unknown site '"
          + siteName + "'. Register the site under /api/sites, then set the retries of this task in Cockpit.");
      return null;
    }
    if (!occupy(siteName, task)) {
      // Another run's step holds the site: this one is fetched again when the site is free.
      parts.engine().unlock(task.getId());
      statistics.putBack.incrementAndGet();
      return null;
    }
    runningTasks.add(task.getId());
    (foundIdle ? statistics.startedAfterIdleLook : statistics.startedWhenRung).incrementAndGet();
    AtomicBoolean finished = new AtomicBoolean();
    Runnable release = () -> {
      if (finished.compareAndSet(false, true)) {
        runningTasks.remove(task.getId());
        free(siteName);
        slots.release();
      }
    };
    return new Claimed(task, step, site, run, release);
  }

  /** Marks the site busy with the task's run, unless another run's step holds it. */
  private boolean occupy(String site, LockedExternalTask task) {
    synchronized (busySites) {
      SiteRun current = busySites.get(site);
      if (current != null && !current.processInstanceId().equals(task.getProcessInstanceId())) {
        waitingForSite.computeIfAbsent(site, s -> new HashSet<>()).add(task.getTopicName());
        return false;
      }
      busySites.put(site, new SiteRun(task.getProcessInstanceId(), current == null ? 1 : current.steps() + 1));
      return true;
    }
  }

  private void free(String site) {
    Set<String> waiting = null;
    synchronized (busySites) {
      SiteRun current = busySites.get(site);
      if (current != null && current.steps() > 1) {
        busySites.put(site, new SiteRun(current.processInstanceId(), current.steps() - 1));
      } else {
        busySites.remove(site);
        waiting = waitingForSite.remove(site);
      }
    }
    if (waiting != null) {
      wakeUp.ring(waiting);
    }
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

  private record SiteRun(String processInstanceId, int steps) {}

  /** A task this worker runs: its site and a slot are taken until {@code release} runs (once). */
  private record Claimed(LockedExternalTask task, Step step, Site site, RunIdentity run, Runnable release) {}

  /**
   * Counters of the worker's work: fetches, steps started because a ring named their topic or found
   * by the idle look, tasks put back because another run held their site.
   */
  static final class Statistics {
    final AtomicLong fetches = new AtomicLong();
    final AtomicLong startedWhenRung = new AtomicLong();
    final AtomicLong startedAfterIdleLook = new AtomicLong();
    final AtomicLong putBack = new AtomicLong();
    /** Of those started when rung: fetched by the thread whose step's completion created them. */
    final AtomicLong handedOverOnTheSameThread = new AtomicLong();

    @Override
    public String toString() {
      return "fetches " + fetches + ", steps started when rung " + startedWhenRung + " (" + handedOverOnTheSameThread
          + " of them by the thread of the step before), found by the idle look " + startedAfterIdleLook
          + ", put back (site busy with another run) " + putBack;
    }
  }
}
