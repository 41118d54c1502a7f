package org.linoconductor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linoconductor.audit.Decider;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.springframework.stereotype.Component;

/**
 * Task listener on assignment and complete of the sign-offs ({@code ${fourEyesRule}} on <em>Sign in
 * and confirm</em> and <em>Accept or cancel the attempt</em>): when the run's site has the
 * four-eyes rule, the user who started the run (its record's {@code started_by}) may neither
 * take the task nor complete it. The exception fails the engine's command, so nothing of the claim
 * or the completion stays. A run started by nobody in particular (a timer) has no such user.
 */
@Component("fourEyesRule")
class FourEyesRule implements TaskListener {

  private final SiteRegistry sites;
  private final RunIdentities runs;
  private final IdentityService identity;

  FourEyesRule(SiteRegistry sites, RunIdentities runs, IdentityService identity) {
    this.sites = sites;
    this.runs = runs;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean assignment = EVENTNAME_ASSIGNMENT.equals(task.getEventName());
    String user = assignment ? task.getAssignee() : Decider.of(identity, task);
    if (assignment && user == null) {
      return; // the task given back: nobody takes it
    }
    RunIdentity run = runs.of(task);
    Site site = sites.require(run.site());
    String starter = run.startedBy();
    if (site.fourEyes() && starter != null && (user == null || user.equals(starter))) {
      throw new FourEyesException(site.name(), starter, user == null);
    }
  }
}
