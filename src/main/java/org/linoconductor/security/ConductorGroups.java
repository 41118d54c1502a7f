package org.linoconductor.security;

/** The Camunda groups the conductor gives meaning to. */
public final class ConductorGroups {

  /** Start and steer runs; use Cockpit, Tasklist and Admin. */
  public static final String OPERATORS = "conductor-operators";

  /**
   * Step agents: fetch, renew and hand back the external tasks of their hosts, report their steps'
   * records, and nothing else (security.RestSecurity, agent.AgentFetchFilter).
   */
  public static final String AGENTS = "conductor-agents";

  private static final String TESTERS_PREFIX = "testers-";
  /** An agent user is bound to the hosts whose groups it is a member of: {@code host-<host>}. */
  public static final String HOST_PREFIX = "host-";

  private ConductorGroups() {}

  /** The group whose members decide upgrade attempts of one site. */
  public static String testersOf(String site) {
    return TESTERS_PREFIX + site;
  }

  /** The group whose members (agent users) run the steps of the sites on {@code host}. */
  public static String agentsOf(String host) {
    return HOST_PREFIX + host;
  }
}
