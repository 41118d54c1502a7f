package org.linoconductor.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a first administrator ({@code camunda.bpm.admin-user.id}) but no password of
 * its own: Camunda's starter would then create it with its id as password ({@code AdminUserProperty}),
 * a default password anyone can guess. Checked before the engine is built, so no such user is made.
 */
@Component
class FirstAdministratorCheck extends AbstractProcessEnginePlugin {

  private final String id;
  private final String password;

  FirstAdministratorCheck(Environment environment) {
    this.id = environment.getProperty("camunda.bpm.admin-user.id");
    this.password = environment.getProperty("camunda.bpm.admin-user.password");
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (id != null && (password == null || password.isBlank() || password.equals(id))) {
      throw new IllegalStateException("SEC-011 The first administrator '" + id + "' has no password of its own:"
          + " set CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.password) to a secret other than the"
          + " user id, or unset CAMUNDA_BPM_ADMINUSER_ID.");
    }
  }
}
