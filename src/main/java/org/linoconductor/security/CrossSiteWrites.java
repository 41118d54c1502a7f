package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A request that changes something and that a browser sent from another site's page. HTTP Basic
 * needs no CSRF token, but a browser that once asked for Basic credentials sends them along with
 * every request to this host, a foreign page's form included: such requests are refused. Browsers say
 * where a request comes from in {@code Sec-Fetch-Site}, older ones in {@code Origin}; a client that
 * sends neither is no browser.
 */
final class CrossSiteWrites implements RequestMatcher {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OWN_PAGES = Set.of("same-origin", "none");

  @Override
  public boolean matches(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return false;
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !OWN_PAGES.contains(site);
    }
    String origin = request.getHeader("Origin");
    return origin != null && !origin.equals(request.getScheme() + "://" + request.getHeader("Host"));
  }
}
