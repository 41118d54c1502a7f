package org.linoconductor.upgrade;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Task listener on create of <em>Sign in and confirm</em>: the person who signs off is the site's
 * contact, whose Camunda user id is in the site registry, not in the diagram; the site's testers
 * (as users and as their group) may confirm too. Operators are candidates through the diagram.
 */
@Component("signOffCandidates")
class SignOffCandidates implements TaskListener {

  private final SiteRegistry sites;

  SignOffCandidates(SiteRegistry sites) {
    this.sites = sites;
  }

  @Override
  public void notify(DelegateTask task) {
    Site site = sites.require((String) task.getVariable(StepVariables.SITE));
    if (site.contact() != null && !site.contact().isBlank()) {
      task.addCandidateUser(site.contact());
    }
    site.testers().forEach(task::addCandidateUser);
    task.addCandidateGroup(ConductorGroups.testersOf(site.name()));
  }
}
