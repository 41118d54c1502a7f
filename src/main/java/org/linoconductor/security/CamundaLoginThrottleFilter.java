package org.linoconductor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login of Camunda's web applications counts in {@link SignInThrottle} like every other way in:
 * refused with 429 while the user name or the address must wait, and its answer (401: wrong password)
 * counted. Camunda checks the password itself, with the same lock per user.
 */
final class CamundaLoginThrottleFilter extends OncePerRequestFilter {

  static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");

  private final SignInThrottle throttle;

  CamundaLoginThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LOGIN.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SignInThrottle.Attempt check;
    try {
      check = throttle.begin(request.getParameter("username"), request.getRemoteAddr());
    } catch (SignInThrottledException e) {
      e.answer(response);
      return;
    }
    try (check) {
      chain.doFilter(request, response);
      check.settle(response.getStatus() != HttpStatus.UNAUTHORIZED.value());
    }
  }
}
