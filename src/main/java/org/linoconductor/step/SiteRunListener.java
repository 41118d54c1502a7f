package org.linoconductor.step;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.site.SiteRegistry;
import org.springframework.stereotype.Component;

/**
 * On every step-running process ({@code <camunda:executionListener delegateExpression="${siteRunListener}"/>}
 * for start and end): a run starts only on a known site that no other run works on, and frees
 * the site however it ends (completed, aborted or deleted in Cockpit).
 */
@Component("siteRunListener")
class SiteRunListener implements ExecutionListener {

  /** Set at the start: a snapshot or a log line must be newer than this. */
  static final String RUN_STARTED = "runStarted";

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
        throw new IllegalArgumentException("Start variable '" + StepVariables.SITE
            + "' is missing: give the name of a registered site (see /api/sites).");
      }
      sites.require(name);
      lock.acquire(name, execution.getProcessInstanceId(), processKey(execution));
      execution.setVariable(RUN_STARTED, new Date());
    } else if (site instanceof String name) {
      lock.release(name, execution.getProcessInstanceId());
    }
  }

  private static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }
}
