package org.linoconductor.site;

import java.time.Instant;

/**
 * One change of a site's life-cycle state, as table {@code site_state_history} keeps it; the first
 * of a site is its registration.
 *
 * @param from the state before, or null for the registration
 * @param changedBy Camunda user id, {@link SiteSeeder#SEED_FILE} for a seeded registration, or null
 *     when no person is known to have caused it (a timer, a registration before Conductor recorded them)
 * @param run the process instance that made the change, or null when made outside a run
 */
public record SiteStateChange(String site, SiteState from, SiteState to, String changedBy, Instant changedAt,
    String run) {}
