package org.linoconductor.step;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.site.UnknownSiteException;
import org.springframework.stereotype.Component;

/**
 * On every step-running process ({@code <camunda:executionListener delegateExpression="${siteRunListener}"/>}
 * for start and end): a run starts only on a known site that is not ARCHIVED and that no other run
 * works on, and frees the site however it ends (completed, aborted or deleted in Cockpit).
 */
@Component("siteRunListener")
class SiteRunListener implements ExecutionListener {

  /** Set at the start: a snapshot or a log line must be newer than this. */
  static final String RUN_STARTED = "runStarted";
  /** Process property: the life-cycle state a site must be in for this process. */
  static final String REQUIRED_STATE = "requiredSiteState";

  private final SiteRegistry sites;
  private final SiteLock lock;

  SiteRunListener(SiteRegistry sites, SiteLock lock) {
    this.sites = sites;
    this.lock = lock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object site = execution.getVariable(StepVariables.SITE);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      if (!(site instanceof String name) || name.isBlank()) {
        throw new RunRefusedException("Start variable '" + StepVariables.SITE
            + "' is missing: give the name of a registered site (see /api/sites).");
      }
      Site target = sites.find(name).orElseThrow(() -> new RunRefusedException(new UnknownSiteException(name)
          .getMessage()));
      refuseArchived(execution, target);
      requireState(execution, target);
      lock.acquire(name, execution);
      execution.setVariable(RUN_STARTED, new Date());
    } else if (site instanceof String name) {
      lock.release(name, execution.getProcessInstanceId());
    }
  }

  /** An ARCHIVED site has left the root (its directory is in the archive): nothing runs on it. */
  private static void refuseArchived(DelegateExecution execution, Site site) {
    if (site.state() == SiteState.ARCHIVED) {
      throw new SiteStateException("Site " + site.name() + " is ARCHIVED"
          + (site.archivedTo() == null ? "" : " (its directory is in " + site.archivedTo() + ")")
          + ": no process runs on an archived site, " + ProcessProperty.processKey(execution) + " neither. Choose another"
          + " site (see /api/sites); to use " + site.name() + " again, bring its directory back by hand"
          + " (README, 'Archive an old site').");
    }
  }

  /** A process that names a {@value #REQUIRED_STATE} runs only on sites in that state. */
  private static void requireState(DelegateExecution execution, Site site) {
    String processKey = ProcessProperty.processKey(execution);
    ProcessProperty.of(execution, processKey, REQUIRED_STATE).map(SiteState::valueOf).ifPresent(required -> {
      if (site.state() != required) {
        throw new SiteStateException("Process " + processKey + " runs on " + required + " sites only; site "
            + site.name() + " is " + site.state() + ". Choose a site in state " + required + " (see /api/sites).");
      }
    });
  }
}
