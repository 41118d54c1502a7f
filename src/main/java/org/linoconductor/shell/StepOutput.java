package org.linoconductor.shell;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where a command's output goes: every byte to the step's log file, the last lines to a bounded tail,
 * matching lines to the facts. Both output streams write here, whole lines at a time (a block of
 * them, or one), so lines from stdout and stderr do not mix (pieces of over-long lines may).
 *
 * <p>The log is written a block at a time and flushed when its buffer fills or at the latest
 * {@value #FLUSH_MILLIS} ms after the last flush, so the run page shows a running step's log as it
 * grows without a write per line: a restore may print millions of lines.
 */
final class StepOutput {

  static final String CUT_MARKER = " …[line cut]";
  static final long FLUSH_MILLIS = 100;
  private static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS);
  private static final byte[] NEWLINE = {'\n'};
  /** One thread for all commands: flushes a log that got output but has not been flushed for a while. */
  private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "shell-log-flush");
    thread.setDaemon(true);
    return thread;
  });

  private final OutputStream log;
  private final TailLines tail;
  private final FactCollector facts;
  private final int maxLineLength;
  /** The starts of the last lines of a block, last first. */
  private final int[] lineStarts;
  private final ScheduledFuture<?> timedFlush;
  private boolean unflushed;
  private long lastFlush = System.nanoTime();
  private IOException logFailure;
  private boolean closed;

  private StepOutput(OutputStream log, int tailLines, FactCollector facts, int maxLineLength) {
    this.log = log;
    this.tail = new TailLines(tailLines);
    this.lineStarts = new int[tailLines];
    this.facts = facts;
    this.maxLineLength = maxLineLength;
    this.timedFlush = FLUSHER.scheduleWithFixedDelay(this::flushIfStale, FLUSH_MILLIS, FLUSH_MILLIS,
        TimeUnit.MILLISECONDS);
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
          new FactCollector(command.matchers(), properties.maxFactLines()), properties.maxLineLength());
    } catch (IOException | SecurityException e) {
      throw ShellSetupException.of(command, "cannot write the log file " + file + " (" + e + ").",
          "Create the directory " + file.getParent() + " and make it writable for the user running"
              + " the conductor, or configure another log directory.", e);
    }
  }

  /** Complete lines: {@code b[from, to)} ends with a newline. */
  synchronized void lines(byte[] b, int from, int to) {
    writeLog(b, from, to - from);
    if (!facts.isEmpty()) {
      facts.acceptLines(b, from, new String(b, from, to - from, StandardCharsets.ISO_8859_1), maxLineLength);
    }
    // only the last lines of the block can be in the tail: found from the end
    int count = 0;
    for (int end = to - 1; end >= from && count < lineStarts.length; count++) {
      int start = ByteScan.lastNewline(b, from, end) + 1;
      lineStarts[count] = Math.max(start, from);
      end = lineStarts[count] - 1;
    }
    for (int i = count - 1; i >= 0; i--) {
      int start = lineStarts[i];
      int length = (i == 0 ? to : lineStarts[i - 1]) - 1 - start;
      tail.add(b, start, Math.min(length, maxLineLength), length > maxLineLength);
    }
    written();
  }

  /** One complete line (without its newline) that arrived in pieces. */
  synchronized void line(byte[] bytes, int length) {
    writeLog(bytes, 0, length);
    writeLog(NEWLINE, 0, 1);
    tail.add(bytes, 0, length, false);
    match(bytes, 0, length, false);
    written();
  }

  synchronized void startLongLine(byte[] bytes, int length) {
    writeLog(bytes, 0, length);
    tail.add(bytes, 0, length, true);
    match(bytes, 0, length, true);
    written();
  }

  synchronized void continueLongLine(byte[] bytes, int length) {
    writeLog(bytes, 0, length);
    written();
  }

  synchronized void endLongLine(byte[] bytes, int length) {
    writeLog(bytes, 0, length);
    writeLog(NEWLINE, 0, 1);
    written();
  }

  synchronized String tail() {
    return tail.toString();
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
      timedFlush.cancel(false);
      byte[] bytes = footer.getBytes(StandardCharsets.UTF_8);
      writeLog(bytes, 0, bytes.length);
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

  /** Hands one line to the matchers: only the beginning of an over-long line, kept with the cut marker. */
  private void match(byte[] b, int offset, int length, boolean cut) {
    if (!facts.isEmpty()) {
      String shown = TailLines.decode(b, offset, Math.min(length, maxLineLength));
      facts.accept(shown, cut ? shown + CUT_MARKER : shown);
    }
  }

  private void written() {
    unflushed = true;
    if (System.nanoTime() - lastFlush >= FLUSH_NANOS) {
      flushLog();
    }
  }

  private synchronized void flushIfStale() {
    if (unflushed && System.nanoTime() - lastFlush >= FLUSH_NANOS) {
      flushLog();
    }
  }

  private void flushLog() {
    lastFlush = System.nanoTime();
    unflushed = false;
    if (closed || logFailure != null) {
      return;
    }
    try {
      log.flush();
    } catch (IOException e) {
      logFailure = e;
    }
  }

  private void writeLog(byte[] bytes, int offset, int length) {
    if (closed || logFailure != null) {
      return;
    }
    try {
      log.write(bytes, offset, length);
    } catch (IOException e) {
      // a full disk must not stop the command half-way: keep the tail, report at the end
      logFailure = e;
    }
  }
}
