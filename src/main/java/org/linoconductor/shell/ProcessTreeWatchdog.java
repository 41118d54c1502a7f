package org.linoconductor.shell;

import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ExecuteWatchdog;

/**
 * Tells the runner which process commons-exec started, so that the runner can kill its whole tree.
 * It does no timing itself: the runner's thread waits with the command's timeout.
 */
final class ProcessTreeWatchdog extends ExecuteWatchdog {

  private ProcessHandle process;
  private boolean failed;

  @SuppressWarnings("deprecation") // the builder cannot create subclasses; INFINITE starts no timer thread
  ProcessTreeWatchdog() {
    super(INFINITE_TIMEOUT);
  }

  @Override
  public synchronized void start(Process started) {
    process = started.toHandle();
    notifyAll();
    super.start(started);
  }

  @Override
  public synchronized void failedToStart(Exception e) {
    super.failedToStart(e);
    failed = true;
    notifyAll();
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
