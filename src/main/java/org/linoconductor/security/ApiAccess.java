package org.linoconductor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the application's API, read from the authentication that
 * {@link EngineAuthenticationFilter} set for the current request.
 */
@Component
public class ApiAccess {

  private final IdentityService identityService;

  ApiAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * @param action what the caller tried, as the message should say it ("register sites")
   * @return the operator's user id, for the record of what they did
   * @throws org.linoconductor.api.ApiException with status 403 unless the caller is an operator
   */
  public String requireOperator(String action) {
    Authentication current = identityService.getCurrentAuthentication();
    String user = current == null ? "(anonymous)" : current.getUserId();
    if (current == null || current.getGroupIds() == null
        || !current.getGroupIds().contains(ConductorGroups.OPERATORS)) {
      throw new NotAnOperatorException(user, action);
    }
    return user;
  }
}
