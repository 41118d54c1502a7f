package org.linoconductor.shell;

import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ExecuteWatchdog;

/**
 * Tells the runner which process commons-exec started and its session, so that the runner can kill its
 * whole tree and record the session.
 * It does no timing itself: the runner's thread waits with the command's timeout.
 */
final class ProcessTreeWatchdog extends ExecuteWatchdog {

  private ProcessHandle process;
  private ProcessSession session;
  private boolean failed;

  @SuppressWarnings("deprecation") // the builder cannot create subclasses; INFINITE starts no timer thread
  ProcessTreeWatchdog() {
    super(INFINITE_TIMEOUT);
  }

  @Override
  public synchronized void start(Process started) {
    process = started.toHandle();
    // read at once, on the launching thread: a quick command may be gone (and reaped) soon after
    session = ProcessSession.ledBy(process.pid()).orElse(null);
    notifyAll();
    super.start(started);
  }

  @Override
  public synchronized void failedToStart(Exception e) {
    super.failedToStart(e);
    failed = true;
    notifyAll();
  }

  /** The session of the started process, after {@link #awaitProcess}; {@code null} when it was gone at once. */
  synchronized ProcessSession session() {
    return session;
  }

  /** The started process, waiting briefly for the launch; {@code null} when it did not start. */
  synchronized ProcessHandle awaitProcess(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (process == null && !failed) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return null;
      }
      wait(left);
    }
    return process;
  }
}
