package org.linoconductor.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.launcher.CommandLauncher;
import org.apache.commons.exec.launcher.CommandLauncherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs commands with commons-exec's launcher and stream pumps: argv as given, in a session of its own,
 * in the site directory, with the site's virtualenv active, stdin closed, output streamed to the step's
 * log file, and the whole process tree killed at the timeout or when the calling thread is interrupted
 * (an aborted step). The calling thread starts the command and waits on the process itself, so its end
 * is noticed when it exits. Stateless: several commands may run at once from different threads.
 */
@Component
public class CommonsExecShellRunner implements ShellRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CommonsExecShellRunner.class);
  private static final CommandLauncher LAUNCHER = CommandLauncherFactory.createVMLauncher();

  /** util-linux's setsid: runs a program as the leader of a new session. */
  private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
      .filter(Files::isExecutable).findFirst().orElse(Path.of("setsid"));

  private final ShellProperties properties;

  public CommonsExecShellRunner(ShellProperties properties) {
    this.properties = properties;
  }

  @Override
  public String render(ShellCommand command) {
    return Redactor.forRun(properties, command).redact(command.render());
  }

  @Override
  public ShellResult run(ShellCommand command) {
    return run(command, session -> { });
  }

  @Override
  public ShellResult run(ShellCommand command, Consumer<ProcessSession> started) {
    Redactor redactor = Redactor.forRun(properties, command);
    String rendered = redactor.redact(command.render());
    try {
      return execute(command, redactor, rendered, started);
    } catch (ShellSetupException e) {
      ShellSetupException redacted = new ShellSetupException(redactor.redact(e.getMessage()), e.getCause());
      LOG.warn("SHELL-006 site={} step={} not started: {}", command.site(), command.step(),
          redacted.getMessage());
      throw redacted;
    }
  }

  private ShellResult execute(ShellCommand command, Redactor redactor, String rendered,
      Consumer<ProcessSession> sessionStarted) {
    requireDirectory(command);
    requireSetsid(command);
    Map<String, String> inherited = System.getenv();
    Map<String, String> environment = ProcessEnvironment.of(command, inherited);
    Path program = ProgramLocator.locate(command, environment);

    Instant started = Instant.now();
    StepOutput output = StepOutput.open(command, properties,
        StepOutput.header(started, command, rendered, shownEnvironment(command, inherited, redactor)));
    RedactingOutputStream stdout = redactor.redacting(new LineSplitter(output, properties.maxLineLength()));
    RedactingOutputStream stderr = redactor.redacting(new LineSplitter(output, properties.maxLineLength()));
    DrainingStreamHandler streams = new DrainingStreamHandler(stdout, stderr,
        properties.outputDrainTimeout(), "shell-" + command.site() + "-" + command.step());

    // In a session of its own: after a crash, its processes are found (and ended) by the session id.
    CommandLine commandLine = new CommandLine(SETSID.toFile());
    commandLine.addArgument(program.toString(), false);
    command.argv().stream().skip(1).forEach(arg -> commandLine.addArgument(arg, false));

    LOG.info("SHELL-001 site={} step={} started: {} (cwd {}, timeout {}, log {})", command.site(),
        command.step(), rendered, command.workingDirectory(), command.timeout(), command.logFile());
    // Launched and waited for on this thread: the end is noticed when the process exits (the JDK's
    // reaper wakes this thread), with no thread of commons-exec's executor between.
    Process process;
    try {
      process = LAUNCHER.exec(commandLine, environment, command.workingDirectory().toFile());
    } catch (IOException e) {
      close(command, stdout, stderr, output, "### not started: " + e + "\n");
      throw ShellSetupException.of(command, "the system could not start " + program + " (" + e + ").",
          "Check the file: a script needs a '#!' line and the interpreter it names must exist.", e);
    }
    ProcessSession.ledBy(process.pid()).ifPresent(session -> reportSession(command, session, sessionStarted));
    streams.setProcessInputStream(process.getOutputStream());
    streams.setProcessOutputStream(process.getInputStream());
    streams.setProcessErrorStream(process.getErrorStream());
    streams.start();
    Ending ending = awaitEnd(command, process);
    streams.stop();
    closeQuietly(process);
    int exitStatus = process.exitValue();
    if (setsidCouldNotExec(exitStatus, output)) {
      String reason = output.tail();
      close(command, stdout, stderr, output, "### not started: " + reason + "\n");
      throw ShellSetupException.of(command, "the system could not start " + program + " (" + reason + ").",
          "Check the file: a script needs a '#!' line and the interpreter it names must exist.");
    }
    Instant finished = Instant.now();
    Duration took = Duration.between(started, finished);
    if (streams.drainTimedOut()) {
      LOG.warn("SHELL-005 site={} step={}: output still open {} after the command ended; a process it"
          + " left in the background holds it, its further output is not logged", command.site(),
          command.step(), properties.outputDrainTimeout());
    }
    close(command, stdout, stderr, output, footer(ending, exitStatus, took, command.timeout()));
    ShellResult result = new ShellResult(command, exitStatus, ending == Ending.TIMED_OUT, started,
        finished, output.tail(), command.logFile(), output.facts());
    LOG.info("SHELL-002 site={} step={} finished: exit {}{} after {} ms", command.site(),
        command.step(), exitStatus, ending == Ending.EXITED ? "" : " (" + ending.text + ")",
        took.toMillis());
    if (ending == Ending.ABORTED) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  private enum Ending {
    EXITED("exited"), TIMED_OUT("timed out"), ABORTED("aborted");

    final String text;

    Ending(String text) {
      this.text = text;
    }
  }

  /** Tells {@code started} the command's session; a failure to record it does not stop the command. */
  private static void reportSession(ShellCommand command, ProcessSession session, Consumer<ProcessSession> started) {
    try {
      started.accept(session);
    } catch (RuntimeException e) {
      LOG.warn("SHELL-009 site={} step={}: the command's session could not be recorded: {}", command.site(),
          command.step(), e.toString());
    }
  }

  /** Waits for the command; kills its tree at the timeout or when this thread is interrupted. */
  private Ending awaitEnd(ShellCommand command, Process process) {
    Ending ending;
    try {
      if (process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        return Ending.EXITED;
      }
      ending = Ending.TIMED_OUT;
    } catch (InterruptedException e) {
      ending = Ending.ABORTED; // interrupt flag restored once the tree is gone
    }
    killTree(command, process, ending);
    waitUninterruptibly(process);
    return ending;
  }

  private static void waitUninterruptibly(Process process) {
    boolean interrupted = false;
    while (process.isAlive()) {
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The pipes to the process: the pumps are done with them (or gave up after the drain timeout). */
  private static void closeQuietly(Process process) {
    for (java.io.Closeable stream : List.of(process.getOutputStream(), process.getInputStream(),
        process.getErrorStream())) {
      try {
        stream.close();
      } catch (IOException e) {
        // nothing more to read or write: the command's result stands
      }
    }
  }

  private void killTree(ShellCommand command, Process process, Ending reason) {
    LOG.warn("SHELL-003 site={} step={} {}: killing process {} and its descendants", command.site(),
        command.step(), reason == Ending.TIMED_OUT ? "timed out after " + command.timeout()
            : "aborted (worker thread interrupted)", process.pid());
    ProcessTreeKiller.Outcome outcome = ProcessTreeKiller.kill(process.toHandle(), properties.killGrace());
    LOG.warn("SHELL-004 site={} step={} killed {} process(es), {} of them with KILL, in {} ms",
        command.site(), command.step(), outcome.processes(), outcome.forced(), outcome.took().toMillis());
  }

  /**
   * setsid itself ran but could not exec the program (an interpreter named by '#!' is gone): it says
   * so as its only output and exits 126 or 127, before any of the program could run.
   */
  private static boolean setsidCouldNotExec(int exitStatus, StepOutput output) {
    if (exitStatus != 126 && exitStatus != 127) {
      return false;
    }
    String tail = output.tail();
    return tail.startsWith("setsid: failed to execute ") && tail.lines().count() == 1;
  }

  private static void requireSetsid(ShellCommand command) {
    if (!Files.isExecutable(SETSID)) {
      throw ShellSetupException.of(command, "setsid was not found in /usr/bin or /bin; every command runs in a"
          + " session of its own, so that nothing of it keeps running after a crash.",
          "Install util-linux (apt-get install util-linux).");
    }
  }

  private static void requireDirectory(ShellCommand command) {
    Path dir = command.workingDirectory();
    if (!Files.isDirectory(dir)) {
      throw ShellSetupException.of(command, "working directory " + dir + " does not exist.",
          "Check the site's directory in the site registry, or restore the site directory.");
    }
    Path venv = command.virtualenv();
    if (venv != null && !Files.isDirectory(venv.resolve("bin"))) {
      throw ShellSetupException.of(command, "virtualenv " + venv + " has no bin/ directory.",
          "Create it (python3 -m venv " + venv + ") or fix the site's virtualenv path.");
    }
  }

  private static Map<String, String> shownEnvironment(ShellCommand command, Map<String, String> inherited,
      Redactor redactor) {
    Map<String, String> shown = new LinkedHashMap<>();
    ProcessEnvironment.changes(command, inherited).forEach((name, value) -> {
      if (!name.equals("PATH")) { // long and implied by VIRTUAL_ENV
        shown.put(name, redactor.redact(value));
      }
    });
    return shown;
  }

  private static String footer(Ending ending, int exitStatus, Duration took, Duration timeout) {
    return switch (ending) {
      case TIMED_OUT -> "### TIMED OUT after " + took.toMillis() + " ms (limit " + timeout
          + "): process tree killed, exit " + exitStatus + "\n";
      case ABORTED -> "### ABORTED after " + took.toMillis() + " ms: process tree killed, exit "
          + exitStatus + "\n";
      default -> "### exit " + exitStatus + " after " + took.toMillis() + " ms\n";
    };
  }

  private static void close(ShellCommand command, RedactingOutputStream stdout, RedactingOutputStream stderr,
      StepOutput output, String footer) {
    try {
      stdout.close();
      stderr.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen: the splitters write to memory and the log", e);
    }
    IOException logFailure = output.close(footer);
    if (logFailure != null) {
      LOG.error("SHELL-008 site={} step={}: the log file {} is incomplete ({}); the result's tail is"
          + " complete", command.site(), command.step(), command.logFile(), logFailure.toString());
    }
  }
}
