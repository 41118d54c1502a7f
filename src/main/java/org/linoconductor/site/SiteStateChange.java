package org.linoconductor.site;

import java.time.Instant;

/**
 * One change of a site's life-cycle state, as table {@code site_state_history} keeps it.
 *
 * @param changedBy Camunda user id, or null when no person caused it (a timer)
 * @param run the process instance that made the change, or null when made outside a run
 */
public record SiteStateChange(String site, SiteState from, SiteState to, String changedBy, Instant changedAt,
    String run) {}
