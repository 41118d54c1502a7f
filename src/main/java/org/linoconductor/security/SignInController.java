package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; what it posts goes to Spring Security's form login ({@link PagesSecurity}). */
@Controller
class SignInController {

  private final SignInPage page;

  SignInController(SignInPage page) {
    this.page = page;
  }

  @GetMapping(SignInPage.PATH)
  ResponseEntity<String> form(@RequestParam(required = false) String next, HttpServletRequest request) {
    return page.form(HttpStatus.OK, null, next, request);
  }
}
