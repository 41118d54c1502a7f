package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linoconductor.page.PageTemplates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The sign-in form of the conductor's pages ({@code templates/signin.html}), and where it leads back
 * to. Spring Security's form login checks what it posts; the form carries the session's CSRF token.
 */
@Component
class SignInPage {

  static final String PATH = "/signin";
  /** The pages a sign-in may lead back to; anything else leads to the first. */
  private static final List<String> RETURN_PAGES = List.of("/runs", "/swagger-ui");

  private final PageTemplates pages;

  SignInPage(PageTemplates pages) {
    this.pages = pages;
  }

  /** @param problem why the form is shown again, or null */
  ResponseEntity<String> form(HttpStatus status, String problem, String next, HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("problem", problem);
    model.put("csrf", PageSession.csrfToken(request));
    model.put("next", returnTo(next));
    return pages.page(status, "signin", "Sign in", null, model);
  }

  /** The form written from Spring Security's handlers, outside Spring MVC. */
  void write(HttpStatus status, String problem, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ResponseEntity<String> page = form(status, problem, request.getParameter("next"), request);
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
