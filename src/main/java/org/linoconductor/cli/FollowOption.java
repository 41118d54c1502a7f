package org.linoconductor.cli;

import picocli.CommandLine.Option;

/** {@code --follow}, for every command that starts a run (a picocli mixin). */
final class FollowOption {

  @Option(names = "--follow", description = "print each step as it runs, until the run ends or waits for a decision")
  boolean follow;
}
