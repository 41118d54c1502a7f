package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.linoconductor.page.Html;
import org.linoconductor.page.PageLayout;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /signin} and {@code /signout} for the conductor's pages, with Camunda's users and
 * passwords ({@link IdentityService#checkPassword}, which also delays and locks after failed
 * attempts). A failed sign-in never says whether the user exists.
 */
@Controller
class SignInController {

  private static final String HOME = "/runs";

  private final IdentityService identity;

  SignInController(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/signin")
  ResponseEntity<String> form(@RequestParam(required = false) String next, HttpServletRequest request) {
    return form(HttpStatus.OK, null, next, request);
  }

  @PostMapping(path = "/signin", consumes = "application/x-www-form-urlencoded")
  ResponseEntity<String> signIn(@RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password, @RequestParam(required = false) String csrf,
      @RequestParam(required = false) String next, HttpServletRequest request) {
    if (!PageSession.tokenMatches(request, csrf)) {
      return form(HttpStatus.FORBIDDEN, "The form had expired. Please sign in again.", next, request);
    }
    if (username.isBlank() || !identity.checkPassword(username, password)) {
      return form(HttpStatus.UNAUTHORIZED, "Wrong user name or password.", next, request);
    }
    PageSession.signIn(request, username);
    return seeOther(safeNext(next));
  }

  @PostMapping("/signout")
  ResponseEntity<String> signOut(@RequestParam(required = false) String csrf, HttpServletRequest request) {
    if (PageSession.tokenMatches(request, csrf)) {
      PageSession.signOut(request);
    }
    return seeOther("/signin");
  }

  private static ResponseEntity<String> form(HttpStatus status, String problem, String next,
      HttpServletRequest request) {
    String token = PageSession.csrfToken(request.getSession(true));
    String body = """
        <section class="signin">
        <h1>Sign in</h1>
        %s<form method="post" action="/signin">
        <input type="hidden" name="csrf" value="%s">
        <input type="hidden" name="next" value="%s">
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" required autofocus>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        <p class="hint">Your Camunda user and password, as in Cockpit and Tasklist.</p>
        </section>""".formatted(problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + Html.escape(problem) + "</p>\n",
        Html.escape(token), Html.escape(safeNext(next)));
    return PageLayout.page(status, "Sign in", null, body);
  }

  /** Only back to one of our pages: never to another host (an open redirect). */
  private static String safeNext(String next) {
    return next != null && next.startsWith(HOME) && next.chars().noneMatch(Character::isISOControl) ? next : HOME;
  }

  private static ResponseEntity<String> seeOther(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location).build();
  }
}
