package org.linoconductor.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How failed sign-ins slow down the next ones ({@code conductor.sign-in.*}), on every way in: the
 * sign-in form, HTTP Basic on {@code /api} and {@code /engine-rest}, Camunda's login. After the n-th
 * failure, the next try waits {@code first-delay × factor^(n-1)}, at most {@code lockout}; a wait
 * always ends by itself.
 *
 * @param account per user name, counted until the right password is given or an operator unlocks
 *     the user in Camunda Admin. This is Camunda's own lock, set from here: whole seconds only.
 * @param address per client address, over all user names; forgotten once {@code lockout} passes
 *     without a failure
 */
@Validated
@ConfigurationProperties("conductor.sign-in")
record SignInProperties(@DefaultValue @Valid Account account, @DefaultValue @Valid Address address) {

  record Account(
      @DefaultValue("3s") Duration firstDelay,
      @DefaultValue("2") @Min(1) @Max(100) int factor,
      @DefaultValue("15m") Duration lockout) {

    Account {
      if (!wholeSeconds(firstDelay) || !wholeSeconds(lockout) || lockout.compareTo(firstDelay) < 0) {
        throw new IllegalArgumentException("conductor.sign-in.account: first-delay and lockout must be whole"
            + " seconds, at least 1s, and lockout at least first-delay (were " + firstDelay + ", " + lockout + ")");
      }
    }

    Duration delayAfter(int failures) {
      return delay(firstDelay, factor, lockout, failures);
    }
  }

  /** @param freeFailures how many failures an address may have before its tries are slowed down */
  record Address(
      @DefaultValue("10") @Min(0) int freeFailures,
      @DefaultValue("1s") Duration firstDelay,
      @DefaultValue("2") @Min(1) @Max(100) int factor,
      @DefaultValue("15m") Duration lockout) {

    Address {
      if (freeFailures < 0 || firstDelay.isNegative() || firstDelay.isZero() || lockout.compareTo(firstDelay) < 0) {
        throw new IllegalArgumentException("conductor.sign-in.address: free-failures must be >= 0, first-delay"
            + " positive and lockout at least first-delay (were " + freeFailures + ", " + firstDelay + ", "
            + lockout + ")");
      }
    }

    Duration delayAfter(int failures) {
      return delay(firstDelay, factor, lockout, failures - freeFailures);
    }
  }

  private static boolean wholeSeconds(Duration duration) {
    return duration.toSeconds() >= 1 && duration.toNanosPart() == 0 && duration.toSeconds() <= Integer.MAX_VALUE;
  }

  /** Camunda's formula ({@code DbIdentityServiceProvider.lockUser}), so that both locks grow alike. */
  private static Duration delay(Duration first, int factor, Duration max, int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    double millis = first.toMillis() * Math.pow(factor, failures - 1.0);
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
