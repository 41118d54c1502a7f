package org.linoconductor.step;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linoconductor.shell.ProcessSession;
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

  /** The session of the command the step has just started (each command has its own). */
  void sessionStarted(long id, ProcessSession session) {
    jdbc.update("update step_run set session_id = ?, session_start = ?, session_boot = ? where id = ?",
        session.id(), session.startTicks(), session.bootId(), id);
  }

  /**
   * The step has ended: its result, and what it tells the engine, to be reported (PENDING until the
   * engine has taken it).
   */
  void finish(long id, StepRun.Status status, String command, Integer exitStatus, String logPath,
      String tail, String summary, Instant finishedAt, Handover handover) {
    jdbc.update("""
        update step_run set status = ?, command = ?, exit_status = ?, log_path = ?, tail = ?,
                            summary = ?, finished_at = ?, handover = ?, handover_data = ?, report_state = 'PENDING'
        where id = ?""",
        status.name(), command, exitStatus, logPath, tail, abbreviate(summary), Timestamp.from(finishedAt),
        handover.kind().name(), handover.toJson(), id);
  }

  /** A step cut off by a crash: why, what was left of it, and what the engine is to be told instead. */
  void markInterrupted(long id, String summary, String logPath, String tail, Instant when, Handover handover) {
    jdbc.update("""
        update step_run set status = 'INTERRUPTED', summary = ?, log_path = coalesce(log_path, ?),
                            tail = coalesce(tail, ?), finished_at = ?, handover = ?, handover_data = ?,
                            report_state = 'PENDING'
        where id = ?""",
        abbreviate(summary), logPath, tail, Timestamp.from(when), handover.kind().name(), handover.toJson(), id);
  }

  /** Steps this node left RUNNING: after a restart they were interrupted, not finished. */
  List<StepRun> runningOn(String node) {
    return jdbc.query("select * from step_run where status = 'RUNNING' and node = ? order by id", this::map, node);
  }

  /**
   * The record of this task that must not be run again as a new step: one still RUNNING (its worker
   * died, or it is ours and its lock lapsed) or one whose result the engine has not taken yet.
   */
  Optional<StepRun> unfinishedFor(String externalTaskId) {
    return jdbc.query("""
        select * from step_run
        where external_task_id = ? and (status = 'RUNNING' or report_state = 'PENDING')
        order by id desc""", this::map, externalTaskId).stream().findFirst();
  }

  /**
   * Finished steps whose result the engine has not taken yet, of this node and of step agents (runs on a
   * host): the ones this node reports again.
   */
  List<StepRun> pendingFor(String node) {
    return jdbc.query("""
        select s.* from step_run s left join run_identity r on r.process_instance_id = s.process_instance_id
        where s.report_state = 'PENDING' and (s.node = ? or r.host is not null) order by s.id""", this::map, node);
  }

  /** What the finished step {@code id} tells the engine. */
  Handover handover(long id) {
    return jdbc.queryForObject("select handover, handover_data from step_run where id = ?",
        (rs, row) -> Handover.fromJson(Handover.Kind.valueOf(rs.getString(1)), rs.getString(2)), id);
  }

  void reported(long id, String note, Instant when) {
    jdbc.update("update step_run set report_state = 'REPORTED', reported_at = ?, report_note = ? where id = ?",
        Timestamp.from(when), abbreviate(note), id);
  }

  void refused(long id, String note) {
    jdbc.update("update step_run set report_note = ? where id = ?", abbreviate(note), id);
  }

  /** Only a result not taken yet: another server node may have reported it in the meantime. */
  void gone(long id, String note) {
    jdbc.update("update step_run set report_state = 'GONE', report_note = ? where id = ? and report_state = 'PENDING'",
        abbreviate(note), id);
  }

  Optional<StepRun> byId(long id) {
    return jdbc.query("select * from step_run where id = ?", this::map, id).stream().findFirst();
  }

  /** Whether the step at this activity already succeeded (or was skipped) in this run. */
  boolean doneBefore(String processInstanceId, String activityId) {
    Integer done = jdbc.queryForObject("""
        select count(*) from step_run
        where process_instance_id = ? and activity_id = ? and status in ('SUCCEEDED', 'SKIPPED')""",
        Integer.class, processInstanceId, activityId);
    return done != null && done > 0;
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
        rs.getString("summary"), rs.getString("node"), session(rs),
        rs.getString("report_state") == null ? null : StepRun.ReportState.valueOf(rs.getString("report_state")),
        rs.getString("report_note"));
  }

  private static ProcessSession session(ResultSet rs) throws SQLException {
    Long id = rs.getObject("session_id", Long.class);
    return id == null ? null : new ProcessSession(id, rs.getLong("session_start"), rs.getString("session_boot"));
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }
}
