package org.linoconductor.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.linoconductor.site.SiteStateChange;

/**
 * Everything the record holds about one run.
 *
 * @param cockpitUrl the process instance in Camunda Cockpit (while Camunda's history keeps it)
 * @param waiting while a run on a site with a host has no agent of that host connected: "waiting for the
 *     agent on host h1, last seen …"; otherwise null
 * @param names the diagram's names of its elements, by id (for the page; the API gives ids)
 */
record RunDetail(RunRecord run, List<StepView> steps, List<CodeStates.Entry> codeState,
    List<SiteStateChange> siteStates, String cockpitUrl, String waiting, @JsonIgnore Map<String, String> names) {

  /** The diagram's name of an element, or its id when it has none. */
  String nameOf(String elementId) {
    return elementId == null ? null : names.getOrDefault(elementId, elementId);
  }

  boolean ended() {
    return run.endedAt() != null;
  }
}
