package org.linoconductor.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "tasks", description = "Lists the tasks you may decide (yours, or offered to you or your groups).")
final class TasksCommand extends ClientCommand {

  @Override
  public Integer call() {
    Server server = server();
    String me = Server.segment(server.user());
    Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
    for (String query : new String[] {"/task?sortBy=created&sortOrder=asc&candidateUser=" + me
        + "&includeAssignedTasks=true", "/task?sortBy=created&sortOrder=asc&assignee=" + me}) {
      for (Object each : Json.array(server.engine(query))) {
        Map<String, Object> task = Json.object(each);
        tasks.putIfAbsent(Json.text(task, "id"), task);
      }
    }
    if (tasks.isEmpty()) {
      out().println("No tasks for " + server.user() + ".");
      return ExitStatus.OK;
    }
    Map<String, Map<String, Object>> runs = new HashMap<>();
    Table table = new Table("TASK", "NAME", "SITE", "PROCESS", "RUN", "WAITING SINCE", "CLAIMED BY");
    tasks.values().stream().sorted((a, b) -> Json.text(a, "created").compareTo(Json.text(b, "created")))
        .forEach(task -> {
          String run = Json.text(task, "processInstanceId");
          Map<String, Object> record = runs.computeIfAbsent(run, id -> record(server, id));
          table.row(task.get("id"), task.get("name"), record.get("site"), record.get("processKey"), run,
              Times.dayAndTime(Json.text(task, "created")), task.get("assignee"));
        });
    table.print(out());
    out().println("Decide one with: conductor decide TASK key=value … (conductor show RUN says which keys)");
    return ExitStatus.OK;
  }

  /** The run's record; empty for a run the record does not show you (the engine's authorizations differ). */
  private static Map<String, Object> record(Server server, String run) {
    try {
      return Json.object(Json.object(server.api("/runs/" + Server.segment(run))), "run");
    } catch (ClientFailure e) {
      if (e.notFound()) {
        return Map.of();
      }
      throw e;
    }
  }
}
