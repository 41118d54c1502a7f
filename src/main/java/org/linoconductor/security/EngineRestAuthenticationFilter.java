package org.linoconductor.security;

import java.util.regex.Matcher;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Camunda's filter that runs a {@code /engine-rest} request as its user on the engine the path names,
 * trusting the user Spring Security signed in (the request's principal); a path that names no engine
 * is run on the application's engine, not on one named "default".
 */
final class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final String engineName;

  EngineRestAuthenticationFilter(String engineName) {
    this.engineName = engineName;
    this.authenticationProvider = new ContainerBasedAuthenticationProvider();
  }

  @Override
  protected String extractEngineName(String requestUrl) {
    Matcher named = ENGINE_REQUEST_URL_PATTERN.matcher(requestUrl);
    return named.find() ? named.group(1) : engineName;
  }
}
