package org.linoconductor.step;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the worker when there can be work, naming the topics: the engine has created an external task
 * here (rung once its transaction committed), a site a task waited for is free again, or a fetch came
 * back full. The worker then fetches those topics only, at once: no sleep or back-off lies between
 * one step's end and the next step's start. A step's own thread keeps the rings of its completion
 * ({@link #keepRingsHere}) and fetches the next step itself.
 */
@Component
class StepWakeUp {

  /** Rung when the topic is not known: every topic may have work. */
  static final String ANY_TOPIC = "*";

  /** What woke the worker: the topics rung, or none when its idle time was up. */
  record Wake(Set<String> topics, boolean timedOut) {}

  private final Set<String> rung = new HashSet<>();
  /** Topics rung on a thread that fetches them itself ({@link #keepRingsHere}). */
  private final ThreadLocal<Set<String>> keptHere = new ThreadLocal<>();

  void ring(String topic) {
    ring(Set.of(topic));
  }

  void ring(Set<String> topics) {
    Set<String> kept = keptHere.get();
    if (kept != null) {
      kept.addAll(topics);
      return;
    }
    synchronized (this) {
      rung.addAll(topics);
      notifyAll();
    }
  }

  /**
   * Runs {@code work} (a step that reports its result to the engine) and returns the topics rung on
   * this thread meanwhile, instead of waking the worker's fetcher: the thread fetches them itself.
   */
  Set<String> keepRingsHere(Runnable work) {
    Set<String> kept = new HashSet<>();
    keptHere.set(kept);
    boolean done = false;
    try {
      work.run();
      done = true;
    } finally {
      keptHere.remove();
      if (!done && !kept.isEmpty()) {
        ring(kept); // this thread will not fetch them
      }
    }
    return kept;
  }

  /** Waits until rung or {@code millis} have passed; takes the topics rung meanwhile. */
  synchronized Wake await(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (rung.isEmpty()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return new Wake(Set.of(), true);
      }
      wait(left);
    }
    Set<String> topics = Set.copyOf(rung);
    rung.clear();
    return new Wake(topics, false);
  }
}
