package org.linoconductor.security;

import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a step agent (a user of {@link ConductorGroups#AGENTS}) may call, and nothing beyond: fetch,
 * renew, hand back and unlock external tasks over Camunda's REST API, and report its steps under
 * {@code /api/agent}. Which tasks is agent.AgentFetchFilter's to say (those of its hosts only).
 */
final class AgentRequests {

  /** The calls of Camunda's external task client, on the application's engine. */
  static final RequestMatcher EXTERNAL_TASK_CALLS = new OrRequestMatcher(
      post("/engine-rest/external-task/fetchAndLock"),
      post("/engine-rest/external-task/*/extendLock"),
      post("/engine-rest/external-task/*/complete"),
      post("/engine-rest/external-task/*/failure"),
      post("/engine-rest/external-task/*/bpmnError"),
      post("/engine-rest/external-task/*/unlock"));

  /** Any signed-in user who is not a step agent. */
  static final AuthorizationManager<RequestAuthorizationContext> NOT_AN_AGENT = AgentRequests::notAnAgent;

  private AgentRequests() {}

  static boolean isAgent(Authentication user) {
    return user != null && user.getAuthorities().stream()
        .anyMatch(authority -> ConductorGroups.AGENTS.equals(authority.getAuthority()));
  }

  /** What an agent is told when it calls anything else. */
  static String refusal(Authentication user) {
    return "User '" + user.getName() + "' is a step agent (group " + ConductorGroups.AGENTS + "): it may only fetch"
        + ", renew and hand back the external tasks of its hosts and report their steps under /api/agent. Use an"
        + " operator's account for anything else.";
  }

  private static AuthorizationDecision notAnAgent(Supplier<Authentication> user, RequestAuthorizationContext ignored) {
    Authentication current = user.get();
    return new AuthorizationDecision(current != null && current.isAuthenticated()
        && !(current instanceof AnonymousAuthenticationToken) && !isAgent(current));
  }

  private static RequestMatcher post(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
  }
}
