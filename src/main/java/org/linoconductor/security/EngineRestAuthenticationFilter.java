package org.linoconductor.security;

import java.util.regex.Matcher;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter for {@code /engine-rest/*}, with two changes: the engine list
 * ({@code GET /engine-rest/engine}), which Camunda leaves open, needs a user too, so that nobody
 * anonymous learns anything; and a path that names no engine is checked against the application's
 * engine, not against one named "default".
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final String engineName;

  EngineRestAuthenticationFilter(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  @Override
  protected String extractEngineName(String requestUrl) {
    Matcher named = ENGINE_REQUEST_URL_PATTERN.matcher(requestUrl);
    return named.find() ? named.group(1) : engineName;
  }
}
