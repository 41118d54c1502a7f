package org.linoconductor.step;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.shell.ShellCommand;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.site.Site;

/**
 * What a step sees of its run: the site and what the run was started with ({@link #run()}, from its
 * record, never from variables), the variables earlier steps set, and a shell that runs commands in
 * the site's directory with its virtualenv active (or only renders them in a dry run).
 */
public final class StepContext {

  private final Site site;
  private final RunIdentity run;
  private final String topic;
  private final Map<String, Object> variables;
  private final ShellRunner shell;
  private final Path logDir;
  private final Duration timeout;
  private final Consumer<ProcessSession> sessionStarted;
  private final List<ShellResult> results = new ArrayList<>();

  StepContext(Site site, RunIdentity run, String topic, Map<String, Object> variables, ShellRunner shell,
      Path logDir, Duration timeout) {
    this(site, run, topic, variables, shell, logDir, timeout, session -> { });
  }

  /** {@code sessionStarted} hears of each command's session as it starts: the step's record keeps it. */
  StepContext(Site site, RunIdentity run, String topic, Map<String, Object> variables, ShellRunner shell,
      Path logDir, Duration timeout, Consumer<ProcessSession> sessionStarted) {
    this.site = site;
    this.run = run;
    this.topic = topic;
    // Process variables may be null (e.g. the exit status of a failed check): no Map.copyOf.
    this.variables = Collections.unmodifiableMap(new HashMap<>(variables));
    this.shell = shell;
    this.logDir = logDir;
    this.timeout = timeout;
    this.sessionStarted = sessionStarted;
  }

  /** The run's site (its record's {@link RunIdentity#site()}, as registered). */
  public Site site() {
    return site;
  }

  /** What the run was started with: production site, start parameters, who started it. */
  public RunIdentity run() {
    return run;
  }

  public String runId() {
    return run.processInstanceId();
  }

  public boolean dryRun() {
    return run.dryRun();
  }

  /** When the run (the process instance) started: a snapshot must be newer than this. */
  public Instant runStarted() {
    return run.startedAt();
  }

  /**
   * A variable an earlier step or decision of the run set (e.g. {@code previousProd}). Never the run's
   * site, dry run or start parameters: those are in {@link #run()}.
   */
  public <T> Optional<T> variable(String name, Class<T> type) {
    return Optional.ofNullable(variables.get(name)).filter(type::isInstance).map(type::cast);
  }

  /** Runs {@code argv} in the site's directory with its {@code env/} active. */
  public ShellResult run(List<String> argv, LineMatcher... matchers) {
    return run(site.directory(), argv, matchers);
  }

  /** Runs {@code argv} in another directory of the site (e.g. a repository) with its env active. */
  public ShellResult run(Path workingDirectory, List<String> argv, LineMatcher... matchers) {
    return run(site, workingDirectory, argv, matchers);
  }

  /**
   * Runs {@code argv} in the directory of another site with that site's env active: a preview's
   * sync dumps its production site's data with production's own code.
   */
  public ShellResult runIn(Site other, List<String> argv, LineMatcher... matchers) {
    return run(other, other.directory(), argv, matchers);
  }

  private ShellResult run(Site where, Path workingDirectory, List<String> argv, LineMatcher... matchers) {
    int sequence = results.size() + 1;
    Path logFile = StepLogs.file(logDir, topic, sequence);
    ShellCommand command = new ShellCommand(where.name(), topic, List.copyOf(argv), workingDirectory,
        where.directory().resolve("env"), Map.of(), timeout, logFile, List.of(matchers));
    ShellResult result = shell.run(command, sessionStarted);
    results.add(result);
    return result;
  }

  /** The commands run so far, in order: the worker records them. */
  List<ShellResult> results() {
    return List.copyOf(results);
  }
}
