package org.linoconductor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linoconductor.audit.RunOutcome;

/** Every outcome the record knows has its own exit status; only a good end is 0. */
class ExitStatusTest {

  @Test
  void eachOutcomeHasItsOwnStatusAndOnlySuccessAndDryRunAreZero() {
    for (RunOutcome outcome : RunOutcome.values()) {
      int status = ExitStatus.ofOutcome(outcome.name());
      if (outcome == RunOutcome.SUCCEEDED || outcome == RunOutcome.DRY_RUN) {
        assertThat(status).as(outcome.name()).isZero();
      } else {
        assertThat(status).as(outcome.name()).isBetween(ExitStatus.FAILED, ExitStatus.SITE_DOWN)
            .isNotEqualTo(ExitStatus.STUCK);
      }
    }
    Set<Integer> failures = Arrays.stream(RunOutcome.values())
        .filter(o -> o != RunOutcome.SUCCEEDED && o != RunOutcome.DRY_RUN)
        .map(o -> ExitStatus.ofOutcome(o.name())).collect(Collectors.toSet());
    assertThat(failures).hasSize(RunOutcome.values().length - 2);
  }
}
