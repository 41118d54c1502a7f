package org.linoconductor.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Failures in a row per key (a client address, or a user name that is no user), in memory. The
 * oldest keys are dropped beyond a bound, so a flood of new names or addresses cannot fill the heap.
 */
final class FailureCounts {

  private static final int REMEMBERED = 10_000;

  private final IntFunction<Duration> delayAfter;
  private final Duration forgetAfter;
  private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > REMEMBERED;
    }
  };

  /**
   * @param delayAfter the wait after so many failures
   * @param forgetAfter a key is forgotten when so long has passed since its last failure; null: never
   */
  FailureCounts(IntFunction<Duration> delayAfter, Duration forgetAfter) {
    this.delayAfter = delayAfter;
    this.forgetAfter = forgetAfter;
  }

  /**
   * @param delay how long the key must still wait
   * @param reserved whether this try was counted as a failure in advance
   */
  record Admission(Duration delay, boolean reserved) {}

  /** How long the key must still wait, without counting anything. */
  synchronized Duration waitOf(String key, Instant now) {
    Failures known = remembered(key, now);
    if (known == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, known.last.plus(delayAfter.apply(known.count)));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Lets a try through unless the key must wait. When one more failure would make the key wait, this
   * try is counted as a failure (now) in advance, so that tries made at the same time wait as if it had
   * failed; a try that then passes gives the count back, not the time. Below that, nothing is counted
   * in advance, so the right passwords of a busy address never keep its old failures alive.
   */
  synchronized Admission admit(String key, Instant now) {
    Duration wait = waitOf(key, now);
    Failures known = failures.get(key);
    boolean reserve = wait.isZero() && known != null && !delayAfter.apply(known.count + 1).isZero();
    if (reserve) {
      known.count++;
      known.last = now;
    }
    return new Admission(wait, reserve);
  }

  /** @return the failures in a row now */
  synchronized int failed(String key, boolean reserved, Instant now) {
    Failures known = failures.computeIfAbsent(key, k -> new Failures());
    if (!reserved || known.count == 0) {
      known.count++;
    }
    known.last = now;
    return known.count;
  }

  /** A try counted in advance that did not fail. */
  synchronized void release(String key) {
    Failures known = failures.get(key);
    if (known != null && known.count > 0) {
      known.count--;
    }
  }

  private Failures remembered(String key, Instant now) {
    Failures known = failures.get(key);
    if (known != null && forgetAfter != null && now.isAfter(known.last.plus(forgetAfter))) {
      failures.remove(key);
      return null;
    }
    return known;
  }

  private static final class Failures {
    int count;
    Instant last = Instant.EPOCH;
  }
}
