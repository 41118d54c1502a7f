package org.linoconductor.preview;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which pending preview the night starts first: one of the production with the most sync time left.
 * A production's previews sync one after the other (each sync locks it), so the longest such chain
 * is the night's critical path; starting it first keeps the night close to the larger of all syncs'
 * time divided by the limit and the longest chain. A preview is expected to take as long as its last
 * successful sync; one never synced as long as the average of the others (one second when none has
 * synced yet, so that on a first night the production with the most previews goes first).
 */
final class SyncOrder {

  private static final Duration UNKNOWN = Duration.ofSeconds(1);

  private SyncOrder() {}

  /**
   * The pending previews {@code sites}, the one to start first first.
   *
   * @param productionOf the production of each preview (a preview without one is its own)
   * @param expected how long the sync of a preview is expected to take, where known
   */
  static List<String> of(List<String> sites, Map<String, String> productionOf, Map<String, Duration> expected) {
    List<Duration> known = sites.stream().filter(expected::containsKey).map(expected::get).toList();
    Duration unknown = known.isEmpty() ? UNKNOWN
        : known.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(known.size());
    Map<String, Duration> left = new HashMap<>();
    sites.forEach(site -> left.merge(production(site, productionOf), expected.getOrDefault(site, unknown),
        Duration::plus));
    return sites.stream().sorted(Comparator.comparing((String site) -> left.get(production(site, productionOf)))
        .reversed().thenComparing(site -> production(site, productionOf)).thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  private static String production(String site, Map<String, String> productionOf) {
    return productionOf.getOrDefault(site, site);
  }
}
