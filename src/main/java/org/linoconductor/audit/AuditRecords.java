package org.linoconductor.audit;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tables {@code run_record} and {@code decision}: written by the listeners as a run goes. */
@Repository
class AuditRecords {

  private final JdbcTemplate jdbc;

  AuditRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void runStarted(String processInstanceId, String processKey, String site, String startedBy, boolean dryRun,
      Instant at) {
    jdbc.update("""
        insert into run_record (process_instance_id, process_key, site, started_by, started_at, dry_run)
        values (?, ?, ?, ?, ?, ?)""", processInstanceId, processKey, site, startedBy, Timestamp.from(at), dryRun);
  }

  void runEnded(String processInstanceId, RunOutcome outcome, String endActivity, String reason, Instant at) {
    jdbc.update("""
        update run_record set ended_at = ?, outcome = ?, end_activity = ?, end_reason = ?
        where process_instance_id = ?""",
        Timestamp.from(at), outcome.name(), endActivity, abbreviate(reason), processInstanceId);
  }

  void decided(String processInstanceId, String taskKey, String taskName, String decidedBy, String choice,
      String context, String comment, Instant at) {
    jdbc.update("""
        insert into decision (process_instance_id, task_key, task_name, decided_by, decided_at, choice, context,
        comment) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        processInstanceId, taskKey, taskName, decidedBy, Timestamp.from(at), choice, context, abbreviate(comment));
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }
}
