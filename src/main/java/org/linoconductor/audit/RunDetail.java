package org.linoconductor.audit;

import java.util.List;
import org.linoconductor.site.SiteStateChange;

/**
 * Everything the record holds about one run.
 *
 * @param cockpitUrl the process instance in Camunda Cockpit (while Camunda's history keeps it)
 */
record RunDetail(RunRecord run, List<StepView> steps, List<CodeStates.Entry> codeState,
    List<SiteStateChange> siteStates, String cockpitUrl) {

  boolean ended() {
    return run.endedAt() != null;
  }
}
