package org.linoconductor.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the audit record of runs. */
@Service
public class AuditTrail {

  private final JdbcTemplate jdbc;

  AuditTrail(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<RunRecord> run(String processInstanceId) {
    List<RunRecord.Decision> decisions = jdbc.query(
        "select * from decision where process_instance_id = ? order by id",
        (rs, i) -> new RunRecord.Decision(rs.getString("task_key"), rs.getString("task_name"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("choice"), rs.getString("comment")),
        processInstanceId);
    return jdbc.query("select * from run_record where process_instance_id = ?",
        (rs, i) -> run(rs, decisions), processInstanceId).stream().findFirst();
  }

  private static RunRecord run(ResultSet rs, List<RunRecord.Decision> decisions) throws SQLException {
    String outcome = rs.getString("outcome");
    return new RunRecord(rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("site"),
        rs.getString("started_by"), instant(rs, "started_at"), rs.getBoolean("dry_run"), instant(rs, "ended_at"),
        outcome == null ? null : RunOutcome.valueOf(outcome), rs.getString("end_activity"),
        rs.getString("end_reason"), decisions);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
