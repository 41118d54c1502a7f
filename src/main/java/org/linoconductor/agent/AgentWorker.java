package org.linoconductor.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.step.RemoteStepExecution;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepLogs;
import org.linoconductor.step.StepProperties;
import org.linoconductor.step.StepServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The step agent's worker: Camunda's external task client long-polls the central Conductor for the
 * steps of this host (the server binds the agent's user to its host's tasks, whatever this client
 * asks), and each task runs on a thread of its own with its lock renewed, at most
 * {@code conductor.steps.concurrency} at once. One run per site at a time is the server's site lock
 * (taken when a run starts, on whichever node), which holds for the steps of agents as well. At start, the steps this
 * node left RUNNING are ended (what is left of their commands) and go to their decision: never run twice.
 */
final class AgentWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AgentWorker.class);

  private final AgentProperties agent;
  private final StepProperties properties;
  private final ShellProperties shellProperties;
  private final ShellRunner shell;
  private final StepServer server;
  private final Map<String, Step> steps;
  private final Semaphore slots;
  private final ExecutorService threads;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
  /** Apart from the heartbeats: a slow send of a log must not delay a lock's renewal. */
  private final ScheduledExecutorService liveLogs = Executors.newSingleThreadScheduledExecutor();
  private volatile ExternalTaskClient client;

  AgentWorker(AgentProperties agent, StepProperties properties, ShellProperties shellProperties, ShellRunner shell,
      StepServer server, List<Step> steps) {
    this.agent = agent;
    this.properties = properties;
    this.shellProperties = shellProperties;
    this.shell = shell;
    this.server = server;
    this.steps = steps.stream().collect(Collectors.toMap(Step::topic, Function.identity()));
    this.slots = new Semaphore(properties.concurrency());
    this.threads = Executors.newFixedThreadPool(properties.concurrency());
  }

  @Override
  public void start() {
    recoverInterruptedSteps();
    ExternalTaskClient started = ExternalTaskClient.create()
        .baseUrl(agent.serverUrl().replaceAll("/+$", "") + "/engine-rest")
        .workerId(properties.node())
        .maxTasks(1)
        .asyncResponseTimeout(agent.longPoll().toMillis())
        .lockDuration(properties.lockDuration().toMillis())
        // A step starts as soon as its task exists: no pause after an empty long poll.
        .disableBackoffStrategy()
        .addInterceptor(new BasicAuthProvider(agent.user(), agent.password()))
        .addInterceptor(request -> request.addHeader(AgentHosts.HEADER, agent.host()))
        // Fetching starts once every topic is subscribed: a first long poll for only some of them would
        // leave the others' tasks waiting until it ends.
        .disableAutoFetching()
        .build();
    for (String topic : steps.keySet()) {
      started.subscribe(topic).lockDuration(properties.lockDuration().toMillis()).handler(this::handle).open();
    }
    started.start();
    client = started;
    log.info("AGENT-001 Step agent {} of host {} fetches from {} the topics {}", properties.node(), agent.host(),
        agent.serverUrl(), steps.keySet().stream().sorted().toList());
  }

  @Override
  public void stop() {
    ExternalTaskClient current = client;
    client = null;
    if (current != null) {
      current.stop();
    }
    threads.shutdownNow();
    heartbeats.shutdownNow();
    liveLogs.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return client != null;
  }

  /** On the client's thread: waits for a free slot (its lock renewed meanwhile), then runs the step on its own. */
  private void handle(ExternalTask task, ExternalTaskService service) {
    ScheduledFuture<?>[] heartbeat = new ScheduledFuture<?>[1];
    Thread[] runner = new Thread[1];
    long every = properties.lockDuration().toMillis() / 3;
    heartbeat[0] = heartbeats.scheduleAtFixedRate(() -> renew(task, service, runner), every, every,
        TimeUnit.MILLISECONDS);
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      heartbeat[0].cancel(false);
      Thread.currentThread().interrupt();
      return;
    }
    threads.execute(() -> {
      runner[0] = Thread.currentThread();
      try {
        run(task, () -> heartbeat[0].cancel(false));
      } catch (RuntimeException e) {
        log.error("AGENT-030 Step {} (task {}) could not be run or reported: {}", task.getTopicName(), task.getId(),
            e.getMessage(), e);
      } finally {
        heartbeat[0].cancel(false);
        slots.release();
      }
    });
  }

  private void run(ExternalTask task, Runnable ended) {
    Optional<StepServer.Assignment> assignment = server.start(task.getId());
    if (assignment.isEmpty()) {
      log.warn("AGENT-031 Step {} (task {}) was started before: the server sends it to its decision; not run again",
          task.getTopicName(), task.getId());
      return;
    }
    StepServer.Assignment given = assignment.get();
    long every = agent.liveLogEvery().toMillis();
    ScheduledFuture<?> live = liveLogs.scheduleWithFixedDelay(new LiveLogSender(server, given.record(),
        properties.logDir().resolve(given.run().processInstanceId()), task.getTopicName()), every, every,
        TimeUnit.MILLISECONDS);
    try {
      new RemoteStepExecution(steps.get(task.getTopicName()), given, task.getAllVariables(), shell, shellProperties,
          properties, server, () -> {
            live.cancel(false);
            ended.run();
          }).run();
    } finally {
      live.cancel(false);
    }
  }

  private void renew(ExternalTask task, ExternalTaskService service, Thread[] runner) {
    try {
      service.extendLock(task, properties.lockDuration().toMillis());
    } catch (NotFoundException e) {
      log.warn("AGENT-032 Task {} of step {} is gone (the run was cancelled): stopping the step", task.getId(),
          task.getTopicName());
      if (runner[0] != null) {
        runner[0].interrupt();
      }
      throw e;
    } catch (RuntimeException e) {
      log.warn("AGENT-033 Could not renew the lock of task {} (step {}): {}", task.getId(), task.getTopicName(),
          e.getMessage());
    }
  }

  /** The steps this node left RUNNING: what is left of their commands is ended, and each goes to its decision. */
  private void recoverInterruptedSteps() {
    for (StepServer.Unfinished step : server.unfinished()) {
      String leftovers = step.session() == null ? "No command of it was recorded as running."
          : "Its command ran in session " + step.session().id() + " on " + properties.node() + ": "
              + end(step.session()) + ".";
      server.interrupted(step.record(), leftovers, RemoteStepExecution.lastLines(lastLog(step)));
      log.error("STEP-030 Site {}: step {} (run {}) was interrupted when agent {} stopped; {} It goes to its"
          + " decision.", step.site(), step.step(), step.run(), properties.node(), leftovers);
    }
  }

  private String end(ProcessSession session) {
    return session.end(shellProperties.killGrace()).describe();
  }

  /** The step's newest log on this host ({@code <log dir>/<run>/<step>-<n>.log}), if any. */
  private String lastLog(StepServer.Unfinished step) {
    return properties.runLogDir(step.run()).flatMap(dir -> StepLogs.latest(dir, step.step())).map(Path::toString)
        .orElse(null);
  }
}
