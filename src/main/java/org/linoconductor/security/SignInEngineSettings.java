package org.linoconductor.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda's lock of a user after failed passwords, set from {@code conductor.sign-in.account}. Camunda
 * locks a user for good after {@code loginMaxAttempts} (10) failures, and only an administrator can
 * lift that: anyone who knows a user name could lock its owner out. Here the count never reaches a
 * permanent lock, so every lock ends by itself after at most {@code lockout}.
 */
@Component
class SignInEngineSettings extends AbstractProcessEnginePlugin {

  private final SignInProperties.Account account;

  SignInEngineSettings(SignInProperties properties) {
    this.account = properties.account();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase((int) account.firstDelay().toSeconds());
    configuration.setLoginDelayFactor(account.factor());
    configuration.setLoginDelayMaxTime((int) account.lockout().toSeconds());
  }
}
