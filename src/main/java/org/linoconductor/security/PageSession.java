package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.linoconductor.page.SignedInUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/** Who is signed in to a page of the conductor's own, and the CSRF token its forms send back. */
public final class PageSession {

  private PageSession() {}

  /** The user Spring Security signed in for this request, with the request's CSRF token. */
  public static Optional<SignedInUser> signedIn(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
      return Optional.empty();
    }
    return Optional.of(new SignedInUser(user.getName(), csrfToken(request)));
  }

  static String csrfToken(HttpServletRequest request) {
    return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
  }
}
