package org.linoconductor.step;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Routes a run's external tasks to its host: a run of a site with a host gets that host as its
 * tenant id when it starts (a called run its caller's), which nothing can change afterwards (unlike a
 * process variable). The server's own worker fetches only tasks without a tenant; an agent's fetch is
 * bound by the server to its host's tenant (agent.AgentFetchFilter). Tenants are labels here, not
 * walls: the tenant check is off, so operators and testers see every run as before.
 */
@Component
class HostTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final ObjectProvider<SiteRegistry> sites;

  HostTenants(ObjectProvider<SiteRegistry> sites) {
    this.sites = sites;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
    configuration.setTenantCheckEnabled(false);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    DelegateExecution caller = context.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    // The start variable as given; SiteRunListener refuses the start when it names no registered site.
    return context.getVariables().get(StepVariables.SITE) instanceof String name
        ? sites.getObject().find(name).map(Site::host).orElse(null) : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return null;
  }
}
