package org.linoconductor.upgrade;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linoconductor.site.SiteAddress;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.springframework.stereotype.Component;

/**
 * Task listener on create of <em>Sign in and confirm</em>: the form links to the site it asks to check,
 * from the registry's URL of the run's site (its record's), read when the task is made.
 */
@Component("signOffAddress")
class SignOffAddressListener implements TaskListener {

  private final SiteRegistry sites;
  private final RunIdentities runs;

  SignOffAddressListener(SiteRegistry sites, RunIdentities runs) {
    this.sites = sites;
    this.runs = runs;
  }

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(SiteAddress.VARIABLE,
        SiteAddress.markdown(sites.require(runs.of(task).site()).url()));
  }
}
