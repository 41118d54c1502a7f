package org.linoconductor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.linoconductor.page.SignedInUser;

/**
 * Runs a request as the user signed in to its HTTP session, with the engine's current
 * authentication set as Camunda's REST filter sets it, so that {@link ApiAccess} and the audit's
 * access rules read one source whichever way the caller signed in.
 */
final class SessionAuthentication {

  private final IdentityService identity;

  SessionAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  /** The session's user, if the user still exists (deleted in Camunda Admin: signed out). */
  Optional<SignedInUser> user(HttpServletRequest request) {
    Optional<SignedInUser> user = PageSession.signedIn(request);
    if (user.isPresent() && identity.createUserQuery().userId(user.get().userId()).count() == 0) {
      PageSession.signOut(request);
      return Optional.empty();
    }
    return user;
  }

  void chainAs(String user, ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identity.setAuthentication(user, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
