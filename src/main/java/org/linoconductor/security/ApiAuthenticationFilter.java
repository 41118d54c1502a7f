package org.linoconductor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.linoconductor.page.SignedInUser;

/**
 * The HTTP Basic filter of {@code /engine-rest} (same engine, same users) for {@code /api/*}, which
 * also lets in a user signed in to the conductor's pages, so that the pages' script can read the
 * API. Only for reading (GET, HEAD): a signed-in browser could be made to send other requests from
 * a foreign page, Basic callers cannot.
 */
class ApiAuthenticationFilter extends EngineRestAuthenticationFilter {

  private final SessionAuthentication sessions;

  /** {@code engineName}: {@code /api/*} names no engine in its path, so it is always the application's. */
  ApiAuthenticationFilter(SessionAuthentication sessions, String engineName) {
    super(engineName);
    this.sessions = sessions;
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
