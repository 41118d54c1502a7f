package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.springframework.beans.factory.annotation.Autowired;

@ConductorWebTest
class ConductorAuthorizationsTest {

  @Autowired ConductorAuthorizations authorizations;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void theDemoUsersCanBeCreatedOnEveryStartWithoutDuplicates() {
    DemoUsers demo = new DemoUsers(authorizations);

    demo.start();
    long authorizationsAfterFirstStart = authorizationService.createAuthorizationQuery().count();
    long membershipsAfterFirstStart = identityService.createGroupQuery().groupMember("operator").count();
    demo.start();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizationsAfterFirstStart);
    assertThat(identityService.createGroupQuery().groupMember("operator").count())
        .isEqualTo(membershipsAfterFirstStart);

    assertThat(identityService.createUserQuery().userId("operator").count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupMember("operator").list())
        .extracting("id").containsExactlyInAnyOrder(ConductorGroups.OPERATORS, Groups.CAMUNDA_ADMIN);
    assertThat(identityService.createGroupQuery().groupMember("tester").list())
        .extracting("id").containsExactly("testers-anna");
    assertThat(identityService.checkPassword("operator", "operator")).isTrue();
    assertThat(authorizationService.createAuthorizationQuery()
        .groupIdIn(ConductorGroups.OPERATORS).resourceId("*").count()).isEqualTo(Resources.values().length);
  }

  @Test
  void operatorsMayUseEveryWebAppAndTestersOnlyTasklist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf("berta");
    authorizations.ensureUser("op2", "secret", ConductorGroups.OPERATORS);
    authorizations.ensureUser("bertas_tester", "secret", ConductorGroups.testersOf("berta"));

    for (String app : new String[] {"cockpit", "tasklist", "admin"}) {
      assertThat(authorizationService.isUserAuthorized("op2", List.of(ConductorGroups.OPERATORS),
          Permissions.ACCESS, Resources.APPLICATION, app)).as(app).isTrue();
    }
    var testerGroups = List.of(ConductorGroups.testersOf("berta"));
    assertThat(authorizationService.isUserAuthorized("bertas_tester", testerGroups,
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized("bertas_tester", testerGroups,
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizationService.isUserAuthorized("bertas_tester", testerGroups,
        Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
  }
}
