package org.linoconductor.step;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the worker when there can be work, naming the topics: the engine has created an external task
 * here (rung once its transaction committed), a site a task waited for is free again, or a fetch came
 * back full. The worker then fetches those topics only, at once: no sleep or back-off lies between
 * one step's end and the next step's start.
 */
@Component
class StepWakeUp {

  /** Rung when the topic is not known: every topic may have work. */
  static final String ANY_TOPIC = "*";

  /** What woke the worker: the topics rung, or none when its idle time was up. */
  record Wake(Set<String> topics, boolean timedOut) {}

  private final Set<String> rung = new HashSet<>();

  synchronized void ring(String topic) {
    rung.add(topic);
    notifyAll();
  }

  synchronized void ring(Set<String> topics) {
    rung.addAll(topics);
    notifyAll();
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
