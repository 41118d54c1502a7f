package org.linoconductor.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked, because its user name or its address must wait. */
class SignInThrottledException extends AuthenticationException {

  private final long seconds;

  SignInThrottledException(Duration wait) {
    super("Too many failed sign-ins");
    this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  long seconds() {
    return seconds;
  }

  /** What people read; it never says whether the user exists. */
  String advice() {
    return "Too many failed sign-ins: wait " + seconds + " seconds, then try again.";
  }

  /** 429 with Retry-After and the advice as the API's error JSON. */
  void answer(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", Long.toString(seconds));
    Answers.json(response, HttpStatus.TOO_MANY_REQUESTS, advice());
  }
}
