package org.linoconductor.security;

/** The Camunda groups the conductor gives meaning to. */
public final class ConductorGroups {

  /** Start and steer runs; use Cockpit, Tasklist and Admin. */
  public static final String OPERATORS = "conductor-operators";

  private static final String TESTERS_PREFIX = "testers-";

  private ConductorGroups() {}

  /** The group whose members decide upgrade attempts of one site. */
  public static String testersOf(String site) {
    return TESTERS_PREFIX + site;
  }
}
