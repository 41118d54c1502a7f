package org.linoconductor.security;

import org.camunda.bpm.engine.authorization.Groups;
import org.linoconductor.api.BeforeServing;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's well-known users, so that {@code mvn spring-boot:run} can be tried at once:
 * {@code operator}/{@code operator} (Camunda administrator and conductor operator: Cockpit, Tasklist,
 * Admin) and {@code tester}/{@code tester} (tester of {@code anna}, Tasklist only) and {@code agent}/{@code agent} (the
 * step agent of host {@code h1}, which runs the steps of {@code dora}). Never outside the
 * demo profile: these passwords are public.
 */
@Component
@Profile("demo")
class DemoUsers extends BeforeServing {

  static final String DEMO_SITE = "anna";
  /** The host of the demo's site dora, whose steps the demo's step agent runs. */
  static final String DEMO_HOST = "h1";

  private final ConductorAuthorizations authorizations;

  DemoUsers(ConductorAuthorizations authorizations) {
    super(0);
    this.authorizations = authorizations;
  }

  @Override
  protected void prepare() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureAdministratorsGroup();
    authorizations.ensureTestersOf(DEMO_SITE);
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS, Groups.CAMUNDA_ADMIN);
    authorizations.ensureUser("tester", "tester", ConductorGroups.testersOf(DEMO_SITE));
    authorizations.ensureAgentsOf(DEMO_HOST);
    authorizations.ensureUser("agent", "agent", ConductorGroups.AGENTS, ConductorGroups.agentsOf(DEMO_HOST));
  }
}
