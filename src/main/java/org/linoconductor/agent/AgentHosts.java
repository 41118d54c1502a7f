package org.linoconductor.agent;

import java.util.Set;
import java.util.stream.Collectors;
import org.linoconductor.security.ConductorGroups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in step agent and the hosts it is bound to: the groups {@code host-<host>} its user is a
 * member of in Camunda Admin. The server decides this, never the agent: it only says which of them it
 * serves now ({@value #HEADER}).
 */
record AgentHosts(String user, Set<String> hosts) {

  /** Which of its hosts the calling agent serves (conductor.agent.host). */
  static final String HEADER = "X-Conductor-Agent-Host";

  /** The current caller, when it is a step agent (a user of group conductor-agents); otherwise null. */
  static AgentHosts current() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .noneMatch(ConductorGroups.AGENTS::equals)) {
      return null;
    }
    Set<String> hosts = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(group -> group.startsWith(ConductorGroups.HOST_PREFIX))
        .map(group -> group.substring(ConductorGroups.HOST_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new AgentHosts(user.getName(), hosts);
  }

  /** The hosts of the calling agent; none for any other caller. */
  static Set<String> ofCaller() {
    AgentHosts agent = current();
    return agent == null ? Set.of() : agent.hosts();
  }

  boolean serves(String host) {
    return host != null && hosts.contains(host);
  }

  /** Why this agent may not act for {@code host}, for the answer and the log. */
  String refusal(String what, String host) {
    return "Step agent '" + user + "' may not " + what + ": it is bound to the host" + (hosts.size() == 1 ? " " : "s ")
        + (hosts.isEmpty() ? "(none: add it to the group host-<host> of its host in Camunda Admin)"
            : String.join(", ", hosts.stream().sorted().toList()))
        + (host == null ? ", and this belongs to no host." : ", not to " + host + ".");
  }
}
