package org.linoconductor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "decide", description = "Decides a task: fills in its form with KEY=VALUE and completes it.",
    footer = "Example: conductor decide TASK siteWorks=true comment='clients and calendar look fine'")
final class DecideCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "TASK", description = "the task's id (conductor tasks)")
  String task;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "the form's fields")
  List<String> values = new ArrayList<>();

  @Option(names = "--follow", description = "then follow the run until it ends or waits for a decision again")
  boolean follow;

  @Override
  public Integer call() throws InterruptedException {
    Server server = server();
    String path = "/task/" + Server.segment(task);
    Map<String, Object> found = Json.object(server.engine(path));
    String name = Json.text(found, "name");
    Map<String, Object> variables = TaskForm.of(server, task, name).variables(values);
    String run = topRun(server, Json.text(found, "processInstanceId"));
    String assignee = Json.text(found, "assignee");
    if (assignee != null && !assignee.equals(server.user())) {
      throw new ClientFailure(ExitStatus.REFUSED, "'" + name + "' is claimed by " + assignee + ": they decide it,"
          + " or it is unclaimed in Tasklist first.");
    }
    // Claimed first, as Tasklist does: the record and the rules on sign-offs see who holds it.
    boolean claimed = assignee == null;
    if (claimed) {
      server.engine(path + "/claim", Map.of("userId", server.user()));
    }
    try {
      server.engine(path + "/complete", Map.of("variables", variables));
    } catch (ClientFailure refused) {
      if (claimed) {
        server.engine(path + "/unclaim", Map.of());
      }
      throw refused;
    }
    out().println("Decided '" + name + "' (task " + task + ") of run " + run
        + (values.isEmpty() ? "" : ": " + String.join(" ", values)));
    return follow ? new RunFollower(server, out(), false).follow(run) : ExitStatus.OK;
  }

  /** The run the user started: a task of a called run (an attempt's final sync) belongs to its caller's. */
  private static String topRun(Server server, String run) {
    List<Object> callers = Json.array(server.engine("/process-instance?subProcessInstance=" + Server.segment(run)));
    return callers.isEmpty() ? run : topRun(server, Json.text(Json.object(callers.get(0)), "id"));
  }
}
