package org.linoconductor.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the conductor's groups, their Camunda authorizations and users. Every method may run on
 * every start: what exists is left as it is, so no duplicates and no errors.
 *
 * <p>Outside the demo profile the conductor creates no user and so no password. The first
 * administrator is created on Camunda Admin's first-start page, or by the starter from
 * {@code camunda.bpm.admin-user.id} and {@code .password} (e.g. the environment variables
 * {@code CAMUNDA_BPM_ADMINUSER_ID} and {@code CAMUNDA_BPM_ADMINUSER_PASSWORD}).
 */
@Component
public class ConductorAuthorizations {

  private static final Logger log = LoggerFactory.getLogger(ConductorAuthorizations.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  ConductorAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /**
   * Group {@link ConductorGroups#OPERATORS} with ALL on every resource, as Camunda grants
   * {@code camunda-admin}: operators steer runs in Cockpit, sign off in Tasklist and manage users
   * and testers in Admin.
   */
  public void ensureOperatorsGroup() {
    ensureGroup(ConductorGroups.OPERATORS, "Conductor operators");
    for (Resources resource : Resources.values()) {
      grant(ConductorGroups.OPERATORS, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * Group {@code testers-<site>} with only what deciding an attempt in Tasklist needs: ACCESS to
   * the Tasklist application, READ on filters (to see the "All tasks" list) and READ on process
   * definitions (Tasklist shows the process and its form). The tasks themselves become readable
   * through Camunda's own candidate-group authorizations when the process assigns them.
   */
  public void ensureTestersOf(String site) {
    String group = ConductorGroups.testersOf(site);
    ensureGroup(group, "Testers of " + site);
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(group, Resources.FILTER, ANY, Permissions.READ);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
  }

  /**
   * Creates the user with that password if missing (an existing user keeps the password it has)
   * and makes it a member of the groups, which must exist.
   */
  public void ensureUser(String id, String password, String... groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(id);
      user.setLastName("");
      user.setPassword(password);
      identityService.saveUser(user);
      log.info("SEC-001 created user '{}'", id);
    }
    Set<String> memberOf = Set.copyOf(identityService.createGroupQuery().groupMember(id).list()
        .stream().map(Group::getId).toList());
    for (String group : groups) {
      if (!memberOf.contains(group)) {
        identityService.createMembership(id, group);
        log.info("SEC-002 added user '{}' to group '{}'", id, group);
      }
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
      log.info("SEC-003 created group '{}'", id);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
