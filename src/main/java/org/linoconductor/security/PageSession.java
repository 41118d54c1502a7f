package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.linoconductor.page.SignedInUser;

/**
 * What the HTTP session of the conductor's pages keeps: the signed-in user id and a CSRF token
 * that every form posts back. Camunda's web applications keep their own sign-in in the same
 * session under other names; the two never share a login.
 */
public final class PageSession {

  private static final String USER = "org.linoconductor.signedInUser";
  private static final String CSRF = "org.linoconductor.csrfToken";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PageSession() {}

  /** The user signed in to this session, if any; never creates a session. */
  public static Optional<SignedInUser> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(USER) instanceof String user)) {
      return Optional.empty();
    }
    return Optional.of(new SignedInUser(user, csrfToken(session)));
  }

  /** A new session for the user: the old one (and its id) is dropped against session fixation. */
  static void signIn(HttpServletRequest request, String user) {
    signOut(request);
    HttpSession session = request.getSession(true);
    session.setAttribute(USER, user);
    session.setAttribute(CSRF, newToken());
  }

  static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The session's token, created with the session if needed (the sign-in form needs one too). */
  static String csrfToken(HttpSession session) {
    if (session.getAttribute(CSRF) instanceof String token) {
      return token;
    }
    String token = newToken();
    session.setAttribute(CSRF, token);
    return token;
  }

  static boolean tokenMatches(HttpServletRequest request, String sent) {
    HttpSession session = request.getSession(false);
    return session != null && sent != null && session.getAttribute(CSRF) instanceof String token
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
