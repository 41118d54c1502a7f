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
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
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
 * <p>Outside the demo profile the conductor creates no user and so no password: the first
 * administrator comes from configuration ({@link ConductorGroupsSetup}).
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
   * Camunda's group of administrators ({@code camunda-admin}) with ALL on every resource, as Camunda's
   * own setup makes it: its members may do anything in Camunda, unlock users included, and while it has
   * none, Camunda's web applications offer everyone to create one (closed by {@link CamundaWebappsSecurity}).
   */
  public void ensureAdministratorsGroup() {
    ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
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
   * Group {@link ConductorGroups#AGENTS} with what fetching and handing back external tasks needs
   * (READ_INSTANCE and UPDATE_INSTANCE on process definitions), and group {@code host-<host>}, which
   * binds its members to that host: they receive only the tasks of its sites. Only the external-task
   * endpoints and /api/agent are open to agents (RestSecurity), so the grant reaches no further.
   */
  public void ensureAgentsOf(String host) {
    ensureGroup(ConductorGroups.AGENTS, "Conductor step agents");
    grant(ConductorGroups.AGENTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE);
    grant(ConductorGroups.AGENTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    ensureGroup(ConductorGroups.agentsOf(host), "Step agents of host " + host);
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
    addToGroups(id, groups);
  }

  /** Makes the existing user a member of the groups, which must exist. */
  public void addToGroups(String id, String... groups) {
    Set<String> memberOf = Set.copyOf(identityService.createGroupQuery().groupMember(id).list()
        .stream().map(Group::getId).toList());
    for (String group : groups) {
      if (!memberOf.contains(group)) {
        identityService.createMembership(id, group);
        log.info("SEC-002 added user '{}' to group '{}'", id, group);
      }
    }
  }

  /** Whether any user is a member of {@code camunda-admin}. */
  public boolean administratorExists() {
    return identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
  }

  private void ensureGroup(String id, String name) {
    ensureGroup(id, name, Groups.GROUP_TYPE_WORKFLOW);
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
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
