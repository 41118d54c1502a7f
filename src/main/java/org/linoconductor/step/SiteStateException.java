package org.linoconductor.step;

/** A run was refused because its site is in the wrong life-cycle state for that process. */
public class SiteStateException extends RunRefusedException {

  SiteStateException(String message) {
    super(message);
  }
}
