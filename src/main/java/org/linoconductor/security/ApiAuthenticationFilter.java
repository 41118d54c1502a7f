package org.linoconductor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.linoconductor.page.SignedInUser;

/**
 * Camunda's HTTP Basic filter for {@code /api/*}, which also lets in a user signed in to the
 * conductor's pages, so that the pages' script can read the API. Only for reading (GET, HEAD):
 * a signed-in browser could be made to send other requests from a foreign page, Basic callers
 * cannot.
 */
class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final SessionAuthentication sessions;
  private final String engineName;

  ApiAuthenticationFilter(SessionAuthentication sessions, String engineName) {
    this.sessions = sessions;
    this.engineName = engineName;
  }

  /**
   * The application's engine, whatever it is named: {@code /api/*} has no engine in its path, and
   * Camunda's filter would fall back to an engine named "default".
   */
  @Override
  protected String extractEngineName(String requestUrl) {
    return engineName;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    boolean reading = "GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod());
    Optional<SignedInUser> user = reading && http.getHeader("Authorization") == null
        ? sessions.user(http) : Optional.empty();
    if (user.isPresent()) {
      sessions.chainAs(user.get().userId(), request, response, chain);
    } else {
      super.doFilter(request, response, chain);
    }
  }
}
