package org.linoconductor.step;

/** A run was refused because another run works on the same site. */
public class SiteBusyException extends RunRefusedException {

  SiteBusyException(String message) {
    super(message);
  }
}
