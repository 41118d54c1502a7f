package org.linoconductor.step;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Where a step's output goes: one file per command, {@code <log dir>/<run>/<step>-<n>.log}, the
 * n-th command of the step. A retry of the step appends to the same files.
 */
@Component
public class StepLogs {

  private final StepProperties properties;

  StepLogs(StepProperties properties) {
    this.properties = properties;
  }

  static Path file(Path runLogDir, String step, int sequence) {
    return runLogDir.resolve(step + "-" + sequence + ".log");
  }

  /**
   * The log file of a step record, if it is on this machine: the one recorded when the step ended, or while
   * it runs (nothing recorded yet) the file of its latest command so far. Only ever a file under this run's
   * log directory: the record's ids never become a path, and a path a step agent reported (a file on its
   * host) is never opened here unless it is that.
   */
  public Optional<Path> of(StepRun run) {
    Optional<Path> runDir = properties.runLogDir(run.processInstanceId());
    if (runDir.isEmpty()) {
      return Optional.empty();
    }
    if (run.logPath() != null) {
      return Optional.of(Path.of(run.logPath()).toAbsolutePath().normalize())
          .filter(file -> file.startsWith(runDir.get().toAbsolutePath()) && Files.isRegularFile(file));
    }
    return run.status() == StepRun.Status.RUNNING ? latest(runDir.get(), run.step()) : Optional.empty();
  }

  /** The log of {@code step}'s latest command so far in the run's log directory {@code runDir}, if any. */
  public static Optional<Path> latest(Path runDir, String step) {
    if (!Files.isDirectory(runDir)) {
      return Optional.empty();
    }
    Pattern name = Pattern.compile(Pattern.quote(step) + "-(\\d{1,9})\\.log");
    try (Stream<Path> files = Files.list(runDir)) {
      return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
          .max(Comparator.comparingInt(f -> sequence(name, f)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the step logs in " + runDir, e);
    }
  }

  /**
   * The last lines of a log file (at most its last {@code maxBytes}, from the first whole line on), as
   * the failure form shows them; empty when the file cannot be read.
   */
  static String lastLines(Path file, int maxBytes) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = Math.max(0, channel.size() - maxBytes);
      ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
      while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
        // a file channel may return fewer bytes than asked
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      return start > 0 && text.indexOf('\n') >= 0 ? text.substring(text.indexOf('\n') + 1) : text;
    } catch (IOException e) {
      return "";
    }
  }

  private static int sequence(Pattern name, Path file) {
    Matcher m = name.matcher(file.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}
