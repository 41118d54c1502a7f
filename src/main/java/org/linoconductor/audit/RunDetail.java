package org.linoconductor.audit;

import java.util.List;
import org.linoconductor.site.SiteStateChange;

/**
 * Everything the record holds about one run.
 *
 * @param cockpitUrl the process instance in Camunda Cockpit (while Camunda's history keeps it)
 * @param waiting while a run on a site with a host has no agent of that host connected: "waiting for the
 *     agent on host h1, last seen …"; otherwise null
 */
record RunDetail(RunRecord run, List<StepView> steps, List<CodeStates.Entry> codeState,
    List<SiteStateChange> siteStates, String cockpitUrl, String waiting) {

  boolean ended() {
    return run.endedAt() != null;
  }
}
