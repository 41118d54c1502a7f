package org.linoconductor.page;

/**
 * Who is signed in to a page, and the token their forms must send back (the session's CSRF token).
 *
 * @param userId Camunda user id
 * @param csrfToken a random value kept in the HTTP session
 */
public record SignedInUser(String userId, String csrfToken) {}
