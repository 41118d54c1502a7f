package org.linoconductor.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.linoconductor.page.SignedInUser;

/** The conductor's pages: a signed-in user is let in, anyone else is sent to the sign-in page. */
class SignedInPagesFilter implements Filter {

  private final SessionAuthentication sessions;

  SignedInPagesFilter(SessionAuthentication sessions) {
    this.sessions = sessions;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    Optional<SignedInUser> user = sessions.user(http);
    if (user.isPresent()) {
      sessions.chainAs(user.get().userId(), request, response, chain);
      return;
    }
    String back = http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
    ((HttpServletResponse) response).sendRedirect("/signin?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
  }
}
