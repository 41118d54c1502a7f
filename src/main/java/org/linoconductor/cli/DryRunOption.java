package org.linoconductor.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run}, for every command that starts a process with a dry run (a picocli mixin). */
final class DryRunOption {

  @Option(names = "--dry-run", description = "render every command, execute none")
  boolean dryRun;
}
