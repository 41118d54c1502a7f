package org.linoconductor.shell;

import java.util.function.Consumer;

/** Runs one {@link ShellCommand}; the real one executes it, the dry-run one only records it. */
public interface ShellRunner {

  /**
   * Runs the command to its end (or its timeout) and returns what happened. A non-zero exit or a
   * timeout is a result, not an exception.
   *
   * @throws ShellSetupException when the command cannot be started; nothing was executed then
   */
  ShellResult run(ShellCommand command);

  /**
   * {@link #run(ShellCommand)}, telling {@code started} the session the command's processes run in as
   * soon as it exists, so that it can be recorded: after a crash, the session finds them again. A
   * runner that starts no process (the dry run) never calls it.
   */
  default ShellResult run(ShellCommand command, Consumer<ProcessSession> started) {
    return run(command);
  }

  /** The command as one readable line for records and pages, with secrets redacted. */
  default String render(ShellCommand command) {
    return command.render();
  }
}
