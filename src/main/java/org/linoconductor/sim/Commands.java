package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the few commands that lay out the simulation (git, make-env, manage.py prep). Argv lists
 * only; a failure is an exception carrying the output, because the layout is then broken.
 */
final class Commands {

  private static final long TIMEOUT_SECONDS = 60;

  private Commands() {}

  /** Runs argv in dir and returns its output (stdout and stderr merged), trimmed. */
  static String run(Path dir, List<String> argv) {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timed out: " + argv);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "Failed with exit status " + process.exitValue() + ": " + argv + "\n" + output);
      }
      return output.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + argv, e);
    }
  }
}
