package org.linoconductor.preview;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.springframework.stereotype.Component;

/**
 * Which pending preview the night starts first: one of the production with the most sync time left.
 * A production's previews sync one after the other (each sync locks it), so the longest such chain
 * is the night's critical path; starting it first keeps the night close to the larger of all syncs'
 * time divided by the limit and the longest chain. A preview's time is its last successful sync; one
 * never synced counts as the average of the others (as one second when none has synced yet, so that
 * on a first night the production with the most previews goes first).
 */
@Component
class SyncOrder {

  private static final Duration UNKNOWN = Duration.ofSeconds(1);

  private final PreviewSites previews;
  private final AuditTrail audit;

  SyncOrder(PreviewSites previews, AuditTrail audit) {
    this.previews = previews;
    this.audit = audit;
  }

  /** The pending previews {@code sites}, the one to start first first. */
  List<String> of(List<String> sites) {
    Map<String, Duration> last = new HashMap<>();
    sites.forEach(site -> audit.lastDuration(PreviewSyncProcess.KEY, site, RunOutcome.SUCCEEDED)
        .ifPresent(duration -> last.put(site, duration)));
    Duration unknown = last.isEmpty() ? UNKNOWN
        : last.values().stream().reduce(Duration.ZERO, Duration::plus).dividedBy(last.size());
    Map<String, String> production = new HashMap<>();
    Map<String, Duration> left = new HashMap<>();
    for (String site : sites) {
      String of = previews.find(site).map(PreviewSite::productionSite).orElse(site);
      production.put(site, of);
      left.merge(of, last.getOrDefault(site, unknown), Duration::plus);
    }
    return sites.stream().sorted(Comparator.comparing((String site) -> left.get(production.get(site))).reversed()
        .thenComparing(production::get).thenComparing(Comparator.naturalOrder())).toList();
  }
}
