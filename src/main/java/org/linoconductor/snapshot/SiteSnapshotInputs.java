package org.linoconductor.snapshot;

import java.util.Map;
import java.util.Set;
import org.linoconductor.site.Site;
import org.linoconductor.snapshot.SiteSnapshotProcess.Variables;
import org.linoconductor.step.StartParameters;
import org.linoconductor.step.StartVariables;
import org.springframework.stereotype.Component;

/** site-snapshot takes {@code acceptSmallerSnapshot} (a Boolean) besides site and dryRun; its form is step-failed. */
@Component
class SiteSnapshotInputs implements StartParameters {

  @Override
  public String processKey() {
    return SiteSnapshotProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return Set.of(Variables.ACCEPT_SMALLER_SNAPSHOT);
  }

  @Override
  public Map<String, String> check(StartVariables variables, Site site) {
    return variables.flag(Variables.ACCEPT_SMALLER_SNAPSHOT)
        .map(accept -> Map.of(Variables.ACCEPT_SMALLER_SNAPSHOT, accept.toString())).orElse(Map.of());
  }
}
