package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer to a request without a user, or with a wrong one, where HTTP Basic is the way in: 401 with
 * a Basic challenge, the same for an unknown user and a wrong password; 429 while sign-ins must wait.
 */
final class BasicChallenge implements AuthenticationEntryPoint {

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    if (refused instanceof SignInThrottledException throttled) {
      throttled.answer(response);
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"Lino Conductor\"");
    Answers.json(response, HttpStatus.UNAUTHORIZED,
        "Sign in: send the user name and password of a Camunda user with HTTP Basic.");
  }
}
