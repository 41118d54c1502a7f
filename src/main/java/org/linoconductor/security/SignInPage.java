package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.linoconductor.page.Html;
import org.linoconductor.page.PageLayout;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The sign-in form of the conductor's pages, and where it leads back to. Spring Security's form login
 * checks what it posts; the form carries the session's CSRF token.
 */
final class SignInPage {

  static final String PATH = "/signin";
  /** The pages a sign-in may lead back to; anything else leads to the first. */
  private static final List<String> RETURN_PAGES = List.of("/runs", "/swagger-ui");

  private SignInPage() {}

  static ResponseEntity<String> form(HttpStatus status, String problem, String next, HttpServletRequest request) {
    String body = """
        <section class="signin">
        <h1>Sign in</h1>
        %s<form method="post" action="/signin">
        <input type="hidden" name="_csrf" value="%s">
        <input type="hidden" name="next" value="%s">
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" required autofocus>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        <p class="hint">Your Camunda user and password, as in Cockpit and Tasklist.</p>
        </section>""".formatted(
        problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + Html.escape(problem) + "</p>\n",
        Html.escape(PageSession.csrfToken(request)), Html.escape(returnTo(next)));
    return PageLayout.page(status, "Sign in", null, body);
  }

  static void write(ResponseEntity<String> page, HttpServletResponse response) throws IOException {
    response.setStatus(page.getStatusCode().value());
    page.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.getWriter().write(page.getBody());
  }

  /** The sign-in page, to come back to this request's page afterwards. */
  static String leadingBackTo(HttpServletRequest request) {
    String page = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return PATH + "?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
  }

  /** Only back to one of our pages: never to another host (an open redirect). */
  static String returnTo(String next) {
    boolean ours = next != null && next.chars().noneMatch(Character::isISOControl)
        && RETURN_PAGES.stream().anyMatch(page -> next.equals(page) || next.startsWith(page + "/")
            || next.startsWith(page + "?") || next.startsWith(page + "."));
    return ours ? next : RETURN_PAGES.get(0);
  }
}
