package org.linoconductor.shell;

/** Runs one {@link ShellCommand}; the real one executes it, the dry-run one only records it. */
public interface ShellRunner {

  /**
   * Runs the command to its end (or its timeout) and returns what happened. A non-zero exit or a
   * timeout is a result, not an exception.
   *
   * @throws ShellSetupException when the command cannot be started; nothing was executed then
   */
  ShellResult run(ShellCommand command);

  /** The command as one readable line for records and pages, with secrets redacted. */
  default String render(ShellCommand command) {
    return command.render();
  }
}
