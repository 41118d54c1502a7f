package org.linoconductor.security;

import java.util.Objects;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistered;
import org.linoconductor.site.SiteRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The conductor's groups with their grants, in every profile: {@code conductor-operators}, and
 * {@code testers-<site>} of every registered site (made when the site is registered, and on start
 * for sites registered before), and for the hosts of the sites {@code conductor-agents} and
 * {@code host-<host>} (an agent's user is made a member of both in Camunda Admin). The first
 * administrator comes from configuration: the Camunda starter creates
 * {@code camunda.bpm.admin-user.id} with its {@code .password} in {@code camunda-admin}
 * (environment: {@code CAMUNDA_BPM_ADMINUSER_ID}, {@code CAMUNDA_BPM_ADMINUSER_PASSWORD}), and here
 * that user becomes an operator as well. Without any administrator the log says what to set.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class ConductorGroupsSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ConductorGroupsSetup.class);

  private final ConductorAuthorizations authorizations;
  private final SiteRegistry sites;
  private final String configuredAdministrator;

  ConductorGroupsSetup(ConductorAuthorizations authorizations, SiteRegistry sites, CamundaBpmProperties camunda) {
    this.authorizations = authorizations;
    this.sites = sites;
    this.configuredAdministrator = camunda.getAdminUser().getId();
  }

  @Override
  public void run(ApplicationArguments args) {
    authorizations.ensureOperatorsGroup();
    sites.all().stream().map(Site::name).forEach(authorizations::ensureTestersOf);
    sites.all().stream().map(Site::host).filter(Objects::nonNull).distinct().forEach(authorizations::ensureAgentsOf);
    if (configuredAdministrator != null) {
      authorizations.ensureAdministratorsGroup();
      authorizations.addToGroups(configuredAdministrator, Groups.CAMUNDA_ADMIN, ConductorGroups.OPERATORS);
    }
  }

  @EventListener
  void testersGroupOf(SiteRegistered registered) {
    authorizations.ensureTestersOf(registered.site());
    sites.find(registered.site()).map(Site::host).ifPresent(authorizations::ensureAgentsOf);
  }

  @EventListener(ApplicationReadyEvent.class)
  void sayWhenNoAdministratorExists() {
    if (!authorizations.administratorExists()) {
      log.warn("SEC-010 No Camunda administrator exists (no user in group camunda-admin): nobody can manage"
          + " users and groups, and Camunda's first-start setup is closed. Set CAMUNDA_BPM_ADMINUSER_ID and"
          + " CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.id, .password) and restart: that user becomes"
          + " administrator and conductor operator.");
    }
  }
}
