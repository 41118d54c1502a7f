package org.linoconductor.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.linoconductor.audit.RunStarted;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A site's testers may read the runs on their site, and only those: every run grants READ on its
 * process instance to the group {@code testers-<site>} and to the users the registry names as the
 * site's contact and testers (a preview made by preview-setup has no group of its own) when it
 * starts. Camunda authorization is on, so other runs stay invisible to them. Their tasks come with
 * the candidate grants Camunda makes itself.
 */
@Component
class TesterRunGrants {

  private final AuthorizationService authorizations;
  private final SiteRegistry sites;

  TesterRunGrants(AuthorizationService authorizations, SiteRegistry sites) {
    this.authorizations = authorizations;
    this.sites = sites;
  }

  @EventListener
  void grantReadToTheSitesTesters(RunStarted run) {
    Authorization group = read(run);
    group.setGroupId(ConductorGroups.testersOf(run.site()));
    authorizations.saveAuthorization(group);
    for (String user : sites.find(run.site()).map(Site::people).orElse(List.of())) {
      Authorization grant = read(run);
      grant.setUserId(user);
      authorizations.saveAuthorization(grant);
    }
  }

  private Authorization read(RunStarted run) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(run.processInstanceId());
    grant.addPermission(Permissions.READ);
    return grant;
  }
}
