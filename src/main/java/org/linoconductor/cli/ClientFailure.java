package org.linoconductor.cli;

/** Why a command could not do its work, as one line for the operator, and the exit status to end with. */
final class ClientFailure extends RuntimeException {

  private final int exitStatus;
  private final int httpStatus;

  ClientFailure(int exitStatus, String message) {
    this(exitStatus, message, 0);
  }

  /** {@code httpStatus}: the server's answer, 0 when there was none. */
  ClientFailure(int exitStatus, String message, int httpStatus) {
    super(message, null, false, false);
    this.exitStatus = exitStatus;
    this.httpStatus = httpStatus;
  }

  /** True when the server answered that the thing asked for is not there (any more): 404. */
  boolean notFound() {
    return httpStatus == 404;
  }

  int exitStatus() {
    return exitStatus;
  }
}
