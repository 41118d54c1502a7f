package org.linoconductor;

import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;

/** Users of step agents for tests: each in conductor-agents and in the group of its host; its password is its name. */
public final class AgentUsers {

  private AgentUsers() {}

  /** The agent user {@code user} of {@code host}, made once. */
  public static void ensure(ConductorAuthorizations authorizations, String user, String host) {
    authorizations.ensureAgentsOf(host);
    authorizations.ensureUser(user, user, ConductorGroups.AGENTS, ConductorGroups.agentsOf(host));
  }
}
