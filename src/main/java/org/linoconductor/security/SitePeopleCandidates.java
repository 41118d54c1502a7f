package org.linoconductor.security;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.springframework.stereotype.Component;

/**
 * Task listener on create of the tasks a site's people decide (<em>Sign in and confirm</em>,
 * <em>Accept or cancel the attempt</em>) of the run's site (its record's, never a variable): the
 * site's contact and testers are Camunda user ids in the site registry, not in the diagram, and a
 * site made by preview-setup has no group of its own yet; they become candidate users, and the group
 * {@code testers-<site>} a candidate group. Operators are candidates through the diagram.
 */
@Component("sitePeopleCandidates")
class SitePeopleCandidates implements TaskListener {

  private final SiteRegistry sites;
  private final RunIdentities runs;

  SitePeopleCandidates(SiteRegistry sites, RunIdentities runs) {
    this.sites = sites;
    this.runs = runs;
  }

  @Override
  public void notify(DelegateTask task) {
    Site site = sites.require(runs.of(task).site());
    site.people().forEach(task::addCandidateUser);
    String testers = ConductorGroups.testersOf(site.name());
    if (task.getCandidates().stream().noneMatch(link -> testers.equals(link.getGroupId()))) {
      task.addCandidateGroup(testers);
    }
  }
}
