package org.linoconductor.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * Pumps stdout and stderr into their line splitters ({@link OutputPump}), closes stdin at once (a
 * command that asks a question gets end-of-file instead of hanging), and stops waiting for output a
 * bounded time after the command exited: a process it left running in the background may hold the pipe
 * open for ever.
 */
final class DrainingStreamHandler implements ExecuteStreamHandler {

  /**
   * Pump threads kept between commands (a minute when idle): starting two threads for every command
   * took about a millisecond of each step's hand-over.
   */
  private static final ExecutorService PUMPS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
      TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
        Thread thread = new Thread(task, "shell-pump");
        thread.setDaemon(true);
        return thread;
      });

  private final OutputStream stdout;
  private final OutputStream stderr;
  private final Duration drainTimeout;
  private final String threadName;
  private final List<Future<?>> pumps = new ArrayList<>(2);
  private InputStream processStdout;
  private InputStream processStderr;
  private boolean drainTimedOut;

  DrainingStreamHandler(OutputStream stdout, OutputStream stderr, Duration drainTimeout, String threadName) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.drainTimeout = drainTimeout;
    this.threadName = threadName;
  }

  @Override
  public void setProcessInputStream(OutputStream stdin) {
    try {
      stdin.close();
    } catch (IOException e) {
      // the process is gone already: its exit status tells
    }
  }

  @Override
  public void setProcessOutputStream(InputStream is) {
    processStdout = is;
  }

  @Override
  public void setProcessErrorStream(InputStream is) {
    processStderr = is;
  }

  @Override
  public void start() {
    pumps.add(PUMPS.submit(pump(processStdout, stdout)));
    pumps.add(PUMPS.submit(pump(processStderr, stderr)));
  }

  /** Waits for both pumps to reach the end of their pipes, together at most the drain timeout. */
  @Override
  public void stop() {
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    for (Future<?> pump : pumps) {
      try {
        pump.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        drainTimedOut = true; // the pump ends when the runner closes the pipe
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        drainTimedOut |= !pump.isDone();
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot happen: OutputPump catches what its streams throw", e);
      }
    }
  }

  boolean drainTimedOut() {
    return drainTimedOut;
  }

  private Runnable pump(InputStream from, OutputStream to) {
    OutputPump pumper = new OutputPump(from, to);
    return () -> {
      Thread thread = Thread.currentThread();
      thread.setName(threadName); // named for the step while it pumps, in thread dumps and profiles
      try {
        pumper.run();
      } finally {
        thread.setName("shell-pump");
      }
    };
  }
}
