package org.linoconductor.page;

/**
 * Who is signed in to a page, and the token their forms must send back (the session's CSRF token).
 *
 * @param userId Camunda user id
 * @param csrfToken Spring Security's CSRF token of the session, as forms post it ({@code _csrf})
 */
public record SignedInUser(String userId, String csrfToken) {}
