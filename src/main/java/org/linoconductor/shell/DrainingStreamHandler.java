package org.linoconductor.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Pumps stdout and stderr into their line splitters ({@link OutputPump}), closes stdin at once (a
 * command that asks a question gets end-of-file instead of hanging), and stops waiting for output a
 * bounded time after the command exited: a process it left running in the background may hold the pipe
 * open for ever.
 */
final class DrainingStreamHandler extends PumpStreamHandler {

  private final String threadName;
  private final Duration drainTimeout;
  private final List<Thread> pumps = new CopyOnWriteArrayList<>();
  private volatile boolean drainTimedOut;

  DrainingStreamHandler(OutputStream stdout, OutputStream stderr, Duration drainTimeout, String threadName) {
    super(stdout, stderr, null);
    this.threadName = threadName;
    this.drainTimeout = drainTimeout;
  }

  @Override
  protected Thread createPump(InputStream is, OutputStream os, boolean closeWhenExhausted) {
    // not commons-exec's StreamPumper: it passes on each read (1 KiB by default) as it comes
    Thread pump = new Thread(new OutputPump(is, os, closeWhenExhausted), threadName);
    pump.setDaemon(true);
    pumps.add(pump);
    return pump;
  }

  /**
   * Replaces PumpStreamHandler's stop, which waits the stop timeout plus two seconds for each pump in
   * turn: here both pumps share one deadline.
   */
  @Override
  public void stop() {
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    for (Thread pump : pumps) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      try {
        pump.join(Math.max(left, 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drainTimedOut |= pump.isAlive();
    }
  }

  boolean drainTimedOut() {
    return drainTimedOut;
  }
}
