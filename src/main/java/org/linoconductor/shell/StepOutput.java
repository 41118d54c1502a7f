package org.linoconductor.shell;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * Where a command's output goes: every byte to the step's log file, the last lines to a bounded tail,
 * matching lines to the facts. Both output streams write here, a whole line at a time, so lines from
 * stdout and stderr do not mix (pieces of over-long lines may).
 */
final class StepOutput {

  static final String CUT_MARKER = " …[line cut]";
  private static final byte[] NEWLINE = {'\n'};

  private final OutputStream log;
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private final int tailLines;
  private final FactCollector facts;
  private IOException logFailure;
  private boolean closed;

  private StepOutput(OutputStream log, int tailLines, FactCollector facts) {
    this.log = log;
    this.tailLines = tailLines;
    this.facts = facts;
  }

  /**
   * Opens (appends to) the log file, creating its directories, and writes the header.
   *
   * @throws ShellSetupException when the log file cannot be written
   */
  static StepOutput open(ShellCommand command, ShellProperties properties, String header) {
    Path file = command.logFile().toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      OutputStream log = new BufferedOutputStream(Files.newOutputStream(file,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), 1 << 16);
      log.write(header.getBytes(StandardCharsets.UTF_8));
      log.flush();
      return new StepOutput(log, properties.tailLines(),
          new FactCollector(command.matchers(), properties.maxFactLines()));
    } catch (IOException | SecurityException e) {
      throw ShellSetupException.of(command, "cannot write the log file " + file + " (" + e + ").",
          "Create the directory " + file.getParent() + " and make it writable for the user running"
              + " the conductor, or configure another log directory.", e);
    }
  }

  synchronized void line(byte[] bytes, int length) {
    writeLog(bytes, length);
    writeLog(NEWLINE, 1);
    flushLog();
    remember(decode(bytes, length));
  }

  synchronized void startLongLine(byte[] bytes, int length) {
    writeLog(bytes, length);
    remember(decode(bytes, length) + CUT_MARKER);
  }

  synchronized void continueLongLine(byte[] bytes, int length) {
    writeLog(bytes, length);
  }

  synchronized void endLongLine(byte[] bytes, int length) {
    writeLog(bytes, length);
    writeLog(NEWLINE, 1);
    flushLog();
  }

  synchronized String tail() {
    return String.join("\n", tail);
  }

  synchronized Map<String, List<String>> facts() {
    return facts.facts();
  }

  /**
   * Writes the footer and closes the file; output arriving later (from a process left behind) is
   * dropped.
   *
   * @return the first failure writing the log (e.g. a full disk), or {@code null}: the command's
   *     result stands either way, the caller reports it
   */
  synchronized IOException close(String footer) {
    if (!closed) {
      byte[] bytes = footer.getBytes(StandardCharsets.UTF_8);
      writeLog(bytes, bytes.length);
      closed = true;
      try {
        log.close();
      } catch (IOException e) {
        logFailure = logFailure == null ? e : logFailure;
      }
    }
    return logFailure;
  }

  static String header(Instant started, ShellCommand command, String renderedCommand,
      Map<String, String> shownEnvironment) {
    return "### " + started + " site " + command.site() + ", step " + command.step()
        + "\n### cwd " + command.workingDirectory()
        + (shownEnvironment.isEmpty() ? "" : "\n### env " + shownEnvironment)
        + "\n$ " + renderedCommand + "\n";
  }

  private void remember(String text) {
    if (tail.size() == tailLines) {
      tail.removeFirst();
    }
    tail.addLast(text);
    facts.accept(text);
  }

  /** Every complete line reaches the file at once: the run page shows a running step's log as it grows. */
  private void flushLog() {
    if (closed || logFailure != null) {
      return;
    }
    try {
      log.flush();
    } catch (IOException e) {
      logFailure = e;
    }
  }

  private void writeLog(byte[] bytes, int length) {
    if (closed || logFailure != null) {
      return;
    }
    try {
      log.write(bytes, 0, length);
    } catch (IOException e) {
      // a full disk must not stop the command half-way: keep the tail, report at the end
      logFailure = e;
    }
  }

  private static String decode(byte[] bytes, int length) {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
