package org.linoconductor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "follow",
    description = "Prints a run's steps and their output as they run, until it ends or waits for a decision.")
final class FollowCommand extends ClientCommand {

  @Parameters(paramLabel = "RUN", description = "the run's id (conductor runs)")
  String run;

  @Override
  public Integer call() throws InterruptedException {
    return new RunFollower(server(), out(), true).follow(run);
  }
}
