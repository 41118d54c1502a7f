package org.linoconductor.step;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code step_run}: one row per step execution, written when it starts and when it ends. */
@Repository
public class StepRunRepository {

  private final JdbcTemplate jdbc;

  StepRunRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long start(String processInstanceId, String processKey, String activityId, String externalTaskId,
      String site, String step, String node, Instant startedAt) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("""
          insert into step_run (process_instance_id, process_key, activity_id, external_task_id,
                                site, step, status, started_at, node)
          values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)""", new String[] {"id"});
      ps.setString(1, processInstanceId);
      ps.setString(2, processKey);
      ps.setString(3, activityId);
      ps.setString(4, externalTaskId);
      ps.setString(5, site);
      ps.setString(6, step);
      ps.setTimestamp(7, Timestamp.from(startedAt));
      ps.setString(8, node);
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  void finish(long id, StepRun.Status status, String command, Integer exitStatus, String logPath,
      String tail, String summary, Instant finishedAt) {
    jdbc.update("""
        update step_run set status = ?, command = ?, exit_status = ?, log_path = ?, tail = ?,
                            summary = ?, finished_at = ?
        where id = ?""",
        status.name(), command, exitStatus, logPath, tail, abbreviate(summary), Timestamp.from(finishedAt), id);
  }

  /** Steps this node left RUNNING: after a restart they were interrupted, not finished. */
  List<StepRun> runningOn(String node) {
    return jdbc.query("select * from step_run where status = 'RUNNING' and node = ? order by id", this::map, node);
  }

  Optional<StepRun> runningFor(String externalTaskId) {
    return jdbc.query("select * from step_run where status = 'RUNNING' and external_task_id = ?",
        this::map, externalTaskId).stream().findFirst();
  }

  /** Whether the step at this activity already succeeded (or was skipped) in this run. */
  boolean doneBefore(String processInstanceId, String activityId) {
    Integer done = jdbc.queryForObject("""
        select count(*) from step_run
        where process_instance_id = ? and activity_id = ? and status in ('SUCCEEDED', 'SKIPPED')""",
        Integer.class, processInstanceId, activityId);
    return done != null && done > 0;
  }

  void markInterrupted(long id, String summary, Instant when) {
    jdbc.update("update step_run set status = 'INTERRUPTED', summary = ?, finished_at = ? where id = ?",
        abbreviate(summary), Timestamp.from(when), id);
  }

  /** All step records of a run, in the order they started. */
  public List<StepRun> ofRun(String processInstanceId) {
    return jdbc.query("select * from step_run where process_instance_id = ? order by id", this::map,
        processInstanceId);
  }

  private StepRun map(ResultSet rs, int row) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    Integer exit = rs.getObject("exit_status", Integer.class);
    return new StepRun(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("process_key"),
        rs.getString("activity_id"), rs.getString("external_task_id"), rs.getString("site"),
        rs.getString("step"), StepRun.Status.valueOf(rs.getString("status")), rs.getString("command"),
        rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
        exit, rs.getString("log_path"), rs.getString("tail"),
        rs.getString("summary"), rs.getString("node"));
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }
}
