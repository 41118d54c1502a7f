package org.linoconductor.step;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the idle worker when the engine has created an external task, so a run's next step starts
 * at once instead of after the worker's idle pause.
 */
@Component
class StepWakeUp {

  private final Semaphore signal = new Semaphore(0);

  void ring() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  /** Waits until rung or {@code millis} have passed. */
  void await(long millis) throws InterruptedException {
    if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
      signal.drainPermits();
    }
  }
}
