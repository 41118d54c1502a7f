package org.linoconductor.shell;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteResultHandler;
import org.apache.commons.exec.Executor;

/**
 * The end of an asynchronously executed command, waited for on a latch: the waiting thread wakes when
 * commons-exec reports the exit. (Its DefaultExecuteResultHandler sleeps 50 ms between looks, so no
 * command returned sooner than 50 ms after its start, and every one up to 50 ms late.)
 */
final class ExitLatch implements ExecuteResultHandler {

  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile int exitValue = Executor.INVALID_EXITVALUE;
  private volatile ExecuteException exception;

  @Override
  public void onProcessComplete(int value) {
    exitValue = value;
    ended.countDown();
  }

  @Override
  public void onProcessFailed(ExecuteException e) {
    exception = e;
    exitValue = e.getExitValue();
    ended.countDown();
  }

  /** Waits at most {@code limit}; whether the command has ended (its output drained). */
  boolean await(Duration limit) throws InterruptedException {
    return ended.await(limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** What is left to wait for is draining the pipes, which the drain timeout bounds. */
  void awaitUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        ended.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  int exitValue() {
    return exitValue;
  }

  /** Why the command failed to start or was reported failed; {@code null} after a normal exit. */
  ExecuteException exception() {
    return exception;
  }
}
