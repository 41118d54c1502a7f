package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command in a simulated site as an operator would after `a`: env active, stdin closed. */
public final class SiteProcess {

  /** Exit status and merged stdout/stderr of a finished command. */
  record Result(int exitStatus, String output) {}

  private SiteProcess() {}

  static ProcessBuilder builder(SimulatedSite site, List<String> argv) {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(site.dir().toFile()).redirectErrorStream(true);
    builder.environment().putAll(site.activatedEnvironment());
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    return builder;
  }

  static Result run(SimulatedSite site, List<String> argv) {
    return run(builder(site, argv));
  }

  /** The output of argv run in the site, for a test's set-up or check: a failure is an exception. */
  public static String output(SimulatedSite site, List<String> argv) {
    return succeeded(run(site, argv), argv + " failed in " + site.dir());
  }

  /** The output of argv run where the test runs: a failure is an exception. */
  public static String output(List<String> argv) {
    return succeeded(run(new ProcessBuilder(argv).redirectErrorStream(true)), argv + " failed");
  }

  private static String succeeded(Result result, String failed) {
    if (result.exitStatus() != 0) {
      throw new IllegalStateException(failed + " with exit status " + result.exitStatus() + ":\n" + result.output());
    }
    return result.output();
  }

  static Result run(ProcessBuilder builder) {
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timed out: " + builder.command());
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result managePy(SimulatedSite site, String... args) {
    return run(site, site.managePy(args));
  }

  /** A script of the site directory, e.g. make_snapshot.sh. */
  static Result script(SimulatedSite site, String name) {
    return run(site, List.of(site.dir().resolve(name).toString()));
  }

  /** A command with more environment, e.g. a PATH that holds a stand-in for a missing tool. */
  static Result run(SimulatedSite site, List<String> argv, Map<String, String> extraEnvironment) {
    ProcessBuilder builder = builder(site, argv);
    builder.environment().putAll(extraEnvironment);
    return run(builder);
  }
}
