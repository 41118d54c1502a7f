package org.linoconductor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where a run waits now, read from the engine: the user tasks it waits at (with their ids and who
 * may decide them), incidents that need an operator, timers, and the runs it called. The engine's
 * activity tree says where the run is even when the user may not see a task there.
 */
final class RunWaits {

  /** A user task the run waits at; {@code id} is null when the user may not see the task. */
  record Task(String id, String name, String created, String assignee, List<String> candidates, String usage) {}

  /** Everything the run and the runs it called wait for; all empty while a step works. */
  record Where(List<Task> tasks, List<String> incidents, List<String> timers, List<String> calledRuns) {}

  private final Server server;

  RunWaits(Server server) {
    this.server = server;
  }

  Where of(String run) {
    Where where = new Where(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    collect(run, where);
    return where;
  }

  private void collect(String run, Where where) {
    Object tree;
    try {
      tree = server.engine("/process-instance/" + Server.segment(run) + "/activity-instances");
    } catch (ClientFailure e) {
      if (e.notFound()) {
        return; // the run ended since its record was read: the next look at the record says how
      }
      throw e;
    }
    walk(run, Json.object(tree), where);
  }

  private void walk(String run, Map<String, Object> activity, Where where) {
    for (Object child : Json.array(activity, "childActivityInstances")) {
      Map<String, Object> instance = Json.object(child);
      String type = Json.text(instance, "activityType");
      String name = Json.text(instance, "activityName");
      if (!Json.array(instance, "incidentIds").isEmpty()) {
        where.incidents().addAll(incidents(run, Json.text(instance, "activityId"), name));
      }
      switch (type == null ? "" : type) {
        case "userTask" -> where.tasks().addAll(tasks(run, Json.text(instance, "activityId"), name));
        case "intermediateTimer" -> where.timers().add(timer(run, Json.text(instance, "activityId"), name));
        case "callActivity" -> {
          for (Object called : Json.array(server.engine("/process-instance?superProcessInstance="
              + Server.segment(run)))) {
            String calledRun = Json.text(Json.object(called), "id");
            where.calledRuns().add(calledRun);
            collect(calledRun, where);
          }
        }
        default -> walk(run, instance, where);
      }
    }
  }

  private List<Task> tasks(String run, String activityId, String activityName) {
    List<Task> tasks = new ArrayList<>();
    for (Object found : Json.array(server.engine("/task?processInstanceId=" + Server.segment(run)
        + "&taskDefinitionKey=" + Server.segment(activityId)))) {
      Map<String, Object> task = Json.object(found);
      String id = Json.text(task, "id");
      String name = Json.text(task, "name");
      try {
        tasks.add(new Task(id, name, Json.text(task, "created"), Json.text(task, "assignee"), candidates(id),
            usage(id, name)));
      } catch (ClientFailure e) {
        if (!e.notFound()) {
          throw e;
        }
        return List.of(); // decided since the query: the run goes on
      }
    }
    if (tasks.isEmpty()) {
      tasks.add(new Task(null, activityName, null, null, List.of(), null));
    }
    return tasks;
  }

  /** The task's form fields as {@code decide} takes them; a task without a Camunda form has none to show. */
  private String usage(String task, String name) {
    try {
      return TaskForm.of(server, task, name).usage();
    } catch (ClientFailure e) {
      if (e.notFound()) {
        throw e;
      }
      return "KEY=VALUE…";
    }
  }

  /** Who may decide the task: "user tester", "group conductor-operators", sorted. */
  private List<String> candidates(String task) {
    TreeSet<String> candidates = new TreeSet<>();
    for (Object link : Json.array(server.engine("/task/" + Server.segment(task) + "/identity-links"))) {
      Map<String, Object> identity = Json.object(link);
      if ("candidate".equals(Json.text(identity, "type"))) {
        candidates.add(identity.get("userId") != null ? "user " + identity.get("userId")
            : "group " + identity.get("groupId"));
      }
    }
    return List.copyOf(candidates);
  }

  private List<String> incidents(String run, String activityId, String activityName) {
    List<String> incidents = new ArrayList<>();
    for (Object found : Json.array(server.engine("/incident?processInstanceId=" + Server.segment(run)
        + "&activityId=" + Server.segment(activityId)))) {
      incidents.add(activityName + ": " + Json.text(Json.object(found), "incidentMessage"));
    }
    return incidents;
  }

  private String timer(String run, String activityId, String activityName) {
    List<Object> jobs = Json.array(server.engine("/job?timers=true&processInstanceId=" + Server.segment(run)
        + "&activityId=" + Server.segment(activityId)));
    String due = jobs.isEmpty() ? null : Json.text(Json.object(jobs.get(0)), "dueDate");
    return activityName + (due == null ? "" : " until " + Times.dayAndTime(due));
  }

  /** The lines that say where a run waits, under a column of {@code indent} spaces. */
  static void print(Task task, PrintWriter out, String indent) {
    if (task.id() == null) {
      out.println(indent + "(a task you may not see: ask an operator)");
      return;
    }
    out.println(indent + "task " + task.id() + ", waiting since " + Times.dayAndTime(task.created())
        + (task.assignee() == null ? "" : ", claimed by " + task.assignee()));
    out.println(indent + "may decide: " + (task.candidates().isEmpty() ? "its assignee"
        : String.join(", ", task.candidates())));
    out.println(indent + "decide: conductor decide " + task.id() + " " + task.usage());
  }
}
