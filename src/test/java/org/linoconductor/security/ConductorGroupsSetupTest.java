package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.TestLino;
import org.linoconductor.site.SiteRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Outside the demo (profile "test"): the conductor's groups exist with their grants, and the log says
 * how to get an administrator.
 */
@ConductorWebTest
@ExtendWith(OutputCaptureExtension.class)
class ConductorGroupsSetupTest {

  @Autowired ConductorGroupsSetup setup;
  @Autowired ConductorAuthorizations conductorAuthorizations;
  @Autowired SiteRegistry registry;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  @Test
  void theOperatorsGroupAndTheTestersGroupOfEveryRegisteredSiteExistWithTheirGrants() {
    TestLino.productionSite(registry, "groups_site");

    assertThat(identity.createGroupQuery().groupId(ConductorGroups.OPERATORS).count()).isOne();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(ConductorGroups.OPERATORS).resourceId("*").count())
        .isEqualTo(Resources.values().length);
    assertThat(identity.createGroupQuery().groupId(ConductorGroups.testersOf("groups_site")).count()).isOne();
    assertThat(authorizations.isUserAuthorized("someone", List.of(ConductorGroups.testersOf("groups_site")),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
  }

  @Test
  void withoutAnAdministratorTheLogSaysWhatToSet(CapturedOutput output) {
    conductorAuthorizations.ensureAdministratorsGroup();
    List<String> administrators = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()
        .stream().map(User::getId).toList();
    administrators.forEach(id -> identity.deleteMembership(id, Groups.CAMUNDA_ADMIN));
    try {
      setup.sayWhenNoAdministratorExists();
    } finally {
      administrators.forEach(id -> identity.createMembership(id, Groups.CAMUNDA_ADMIN));
    }

    assertThat(output.getOut()).contains("SEC-010 No Camunda administrator exists")
        .contains("CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD");
  }
}
