package org.linoconductor.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on every way in, per user name and per client address
 * ({@link SignInProperties}).
 *
 * <p>Per user it is Camunda's own lock: {@code IdentityService.checkPassword} counts the failures in a
 * row of an existing user and refuses even the right password until the lock expires (a right password
 * or Admin's unlock resets the count); {@link SignInEngineSettings} keeps it from ever becoming
 * permanent. Camunda never tells that a user is locked: its check just answers false. What this class
 * adds: the lock is read before the password is checked, so a locked user is answered 429 and the
 * owner's right password is not taken for a wrong one; names that are no user get the same lock in
 * memory, so that no answer or wait tells whether a user exists; the limit per address; and one check
 * per user name at a time, so that parallel guesses cannot all pass before the first failure is written.
 */
@Component
class SignInThrottle {

  private static final Duration QUEUE_PATIENCE = Duration.ofSeconds(5);
  private static final int LONGEST_NAME = 255;
  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private final IdentityService identity;
  private final int freeAddressFailures;
  private final FailureCounts unknownNames;
  private final FailureCounts addresses;
  private final ReentrantLock[] nameLocks = new ReentrantLock[64];

  SignInThrottle(IdentityService identity, SignInProperties properties) {
    this.identity = identity;
    this.freeAddressFailures = properties.address().freeFailures();
    this.unknownNames = new FailureCounts(properties.account()::delayAfter, null);
    this.addresses = new FailureCounts(properties.address()::delayAfter, properties.address().lockout());
    for (int i = 0; i < nameLocks.length; i++) {
      nameLocks[i] = new ReentrantLock();
    }
  }

  /**
   * Begins one password check, unless the user name or the address must still wait; the check's outcome
   * is then given to {@link Attempt#settle}, and closing the attempt lets the next one for this name
   * begin.
   *
   * @throws SignInThrottledException instead, saying how long to wait
   */
  Attempt begin(String user, String address) {
    // No user id is that long; a longer name is remembered by its start, so it cannot fill the heap.
    String name = user == null ? "" : user.length() > LONGEST_NAME ? user.substring(0, LONGEST_NAME) : user;
    ReentrantLock lock = nameLocks[Math.floorMod(name.hashCode(), nameLocks.length)];
    if (!tryLock(lock)) {
      throw new SignInThrottledException(Duration.ofSeconds(1));
    }
    try {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      User known = name.equals(user) ? identity.createUserQuery().userId(name).singleResult() : null;
      Duration nameWait = known == null ? unknownNames.waitOf(name, now) : camundaLock(known, now);
      if (!nameWait.isZero()) {
        Duration addressWait = addresses.waitOf(address, now);
        throw new SignInThrottledException(nameWait.compareTo(addressWait) >= 0 ? nameWait : addressWait);
      }
      FailureCounts.Admission admission = addresses.admit(address, now);
      if (!admission.delay().isZero()) {
        throw new SignInThrottledException(admission.delay());
      }
      return new Attempt(name, known == null, address, admission.reserved(), lock);
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /** One password check under way; at most one per user name at a time. */
  final class Attempt implements AutoCloseable {

    private final String name;
    private final boolean unknown;
    private final String address;
    private final ReentrantLock lock;
    private boolean reserved;

    private Attempt(String name, boolean unknown, String address, boolean reserved, ReentrantLock lock) {
      this.name = name;
      this.unknown = unknown;
      this.address = address;
      this.reserved = reserved;
      this.lock = lock;
    }

    /** @param passed whether the password was accepted (or at least not refused) */
    void settle(boolean passed) {
      if (passed) {
        giveBack();
        return;
      }
      Instant now = ClockUtil.getCurrentTime().toInstant();
      if (addresses.failed(address, reserved, now) == freeAddressFailures + 1) {
        log.warn("SEC-021 sign-ins from address {} are slowed down now: {} failed", address,
            freeAddressFailures + 1);
      }
      reserved = false;
      if (unknown) {
        unknownNames.failed(name, false, now);
      }
    }

    /** Ends the attempt; a failure counted in advance and not settled did not happen. */
    @Override
    public void close() {
      giveBack();
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }

    private void giveBack() {
      if (reserved) {
        reserved = false;
        addresses.release(address);
      }
    }
  }

  /** The lock Camunda wrote on the user's last failure, if it still holds. */
  private static Duration camundaLock(User user, Instant now) {
    if (user instanceof UserEntity entity && entity.getLockExpirationTime() != null) {
      Duration left = Duration.between(now, entity.getLockExpirationTime().toInstant());
      return left.isNegative() ? Duration.ZERO : left;
    }
    return Duration.ZERO;
  }

  private static boolean tryLock(ReentrantLock lock) {
    try {
      return lock.tryLock(QUEUE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
