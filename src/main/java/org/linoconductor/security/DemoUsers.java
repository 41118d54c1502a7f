package org.linoconductor.security;

import org.camunda.bpm.engine.authorization.Groups;
import org.linoconductor.api.BeforeServing;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's well-known users, so that {@code mvn spring-boot:run} can be tried at once:
 * {@code operator}/{@code operator} (Camunda administrator and conductor operator: Cockpit, Tasklist,
 * Admin) and {@code tester}/{@code tester} (tester of {@code anna}, Tasklist only). Never outside the
 * demo profile: these passwords are public.
 */
@Component
@Profile("demo")
class DemoUsers extends BeforeServing {

  static final String DEMO_SITE = "anna";

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
  }
}
