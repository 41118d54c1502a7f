package org.linoconductor.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.linoconductor.audit.RunStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A site's testers may read the runs on their site, and only those: every run grants READ on its
 * process instance to the group {@code testers-<site>} when it starts (Camunda authorization is
 * on, so other runs stay invisible to them). Their tasks come with the candidate-user grants Camunda
 * makes itself.
 */
@Component
class TesterRunGrants {

  private final AuthorizationService authorizations;

  TesterRunGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  void grantReadToTheSitesTesters(RunStarted run) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(ConductorGroups.testersOf(run.site()));
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(run.processInstanceId());
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }
}
