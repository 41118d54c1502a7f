package org.linoconductor.shell;

/**
 * A command could not be started because something on the host is not as the step expects (missing
 * working directory, program not found or not executable, log directory not writable). The message
 * names the site, the step, the path and what the operator can do; nothing was executed.
 */
public class ShellSetupException extends RuntimeException {

  public ShellSetupException(String message) {
    super(message);
  }

  public ShellSetupException(String message, Throwable cause) {
    super(message, cause);
  }

  static ShellSetupException of(ShellCommand command, String problem, String remedy) {
    return new ShellSetupException(prefix(command) + problem + " " + remedy);
  }

  static ShellSetupException of(ShellCommand command, String problem, String remedy, Throwable cause) {
    return new ShellSetupException(prefix(command) + problem + " " + remedy, cause);
  }

  private static String prefix(ShellCommand command) {
    return "Site " + command.site() + ", step " + command.step() + ": ";
  }
}
