package org.linoconductor.step;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code step_live_log}: the last lines of each step a step agent is running, as it last sent them,
 * so that every server node can show them live.
 */
@Repository
@Profile("!agent")
public class LiveLogs {

  /**
   * A piece of a step's current log on the agent's host.
   *
   * @param log the log file's name ({@code <step>-<n>.log})
   * @param from the byte offset in that file where {@code content} starts
   */
  public record LiveLog(String log, long from, String content) {}

  private final JdbcTemplate jdbc;

  LiveLogs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(long record, LiveLog live) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("update step_live_log set log_name = ?, from_offset = ?, content = ?, updated_at = ?"
        + " where step_run_id = ?", live.log(), live.from(), live.content(), now, record) == 0) {
      jdbc.update("insert into step_live_log (step_run_id, log_name, from_offset, content, updated_at)"
          + " values (?, ?, ?, ?, ?)", record, live.log(), live.from(), live.content(), now);
    }
  }

  public Optional<LiveLog> of(long record) {
    return jdbc.query("select log_name, from_offset, content from step_live_log where step_run_id = ?",
        (rs, row) -> new LiveLog(rs.getString(1), rs.getLong(2), rs.getString(3)), record).stream().findFirst();
  }

  void remove(long record) {
    jdbc.update("delete from step_live_log where step_run_id = ?", record);
  }
}
