package org.linoconductor.site;

import java.util.Optional;

/**
 * Whether a run holds a site now: the registry never corrects or removes a site under a run's feet.
 * Implemented by the steps' site lock (the registry knows nothing of runs).
 */
public interface SiteHolds {

  /** The run that holds {@code site}, described for a message ("run 42 (production-upgrade), since …"), or empty. */
  Optional<String> heldBy(String site);
}
