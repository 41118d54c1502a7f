package org.linoconductor.step;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linoconductor.site.Site;

/**
 * The start parameters of one process beyond {@code site} and {@code dryRun} (a bean per process that
 * runs steps): which it accepts, how each is checked, and how it is recorded in the run's
 * {@link RunIdentity}. A start variable no process declares is refused by name.
 */
public interface StartParameters {

  /** The process these parameters belong to. */
  String processKey();

  /** The names of the start variables this process takes besides {@code site} and {@code dryRun}. */
  default Set<String> names() {
    return Set.of();
  }

  /**
   * Checks the start's variables against the process's rules and returns what to record, each value
   * as the steps read it (left out when not given and without a default).
   *
   * @throws RunRefusedException saying what is wrong and how to write it
   */
  default Map<String, String> check(StartVariables variables, Site site) {
    return Map.of();
  }

  /**
   * The production site a run on {@code site} works with besides its own (a preview's production),
   * recorded with the run; empty for processes that work on one site.
   *
   * @throws RunRefusedException when the process needs one and {@code site} has none
   */
  default Optional<String> productionSite(Site site) {
    return Optional.empty();
  }
}
