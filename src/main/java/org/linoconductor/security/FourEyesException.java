package org.linoconductor.security;

/** A sign-off the four-eyes rule refuses: the one who started the run would be the one who signs it off. */
class FourEyesException extends RuntimeException {

  FourEyesException(String site, String starter, boolean signerUnknown) {
    super("Four-eyes rule for site " + site + ": user " + starter + " started this run, so another tester or"
        + " operator must sign it off." + (signerUnknown
            ? " This completion names no user: sign in (or claim the task) as that other person and complete it."
            : ""));
  }
}
