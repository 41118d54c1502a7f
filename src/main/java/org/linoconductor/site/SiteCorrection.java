package org.linoconductor.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One correction of a site's registration, as table {@code site_registration_change} keeps it.
 *
 * @param changes per key that changed, {@code {"from": …, "to": …}}, keys as the API spells them
 */
record SiteCorrection(String site, String changedBy, Instant changedAt, JsonNode changes) {}
