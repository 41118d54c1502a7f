package org.linoconductor.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the audit record of runs. */
@Service
public class AuditTrail {

  private static final int FETCH_SIZE = 500;
  /** How many matching runs a page counts beyond its start; "more" beyond that. */
  static final int COUNTED = 10_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate reading;

  AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
  }

  public Optional<RunRecord> run(String processInstanceId) {
    List<RunRecord.Decision> decisions = jdbc.query(
        "select * from decision where process_instance_id = ? order by id",
        (rs, i) -> new RunRecord.Decision(rs.getString("task_key"), rs.getString("task_name"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("choice"), rs.getString("context"),
            rs.getString("comment")),
        processInstanceId);
    return jdbc.query("select * from run_record where process_instance_id = ?", AuditTrail::summary,
        processInstanceId).stream().findFirst().map(run -> RunRecord.of(run, decisions));
  }

  /** How long the latest run of {@code processKey} on {@code site} that ended with {@code outcome} took. */
  public Optional<Duration> lastDuration(String processKey, String site, RunOutcome outcome) {
    return jdbc.query("""
        select started_at, ended_at from run_record where site = ? and process_key = ? and outcome = ?
        order by started_at desc limit 1""",
        (rs, i) -> Duration.between(instant(rs, "started_at"), instant(rs, "ended_at")), site, processKey,
        outcome.name()).stream().findFirst();
  }

  /**
   * The runs in scope that match, newest first, one page of them, and how many match, counted up to
   * {@value #COUNTED} runs past the page's start: a page then costs the same with a hundred thousand
   * runs as with a thousand (the rows come through the index in list order, the count stops early).
   */
  RunPage page(RunFilter filter, RunScope scope) {
    List<Object> args = new ArrayList<>();
    String where = where(filter, scope, args);
    long offset = (long) filter.page() * filter.size();
    long limit = offset + Math.max(COUNTED, filter.size());
    List<Object> countArgs = new ArrayList<>(args);
    countArgs.add(limit + 1);
    Long counted = jdbc.queryForObject("select count(*) from (select 1 from run_record" + where + " limit ?) matching",
        Long.class, countArgs.toArray());
    args.add(filter.size());
    args.add(offset);
    List<RunSummary> items = jdbc.query("select * from run_record" + where
        + " order by started_at desc, process_instance_id desc limit ? offset ?",
        AuditTrail::summary, args.toArray());
    long total = counted == null ? 0 : counted;
    return new RunPage(items, Math.min(total, limit), total <= limit, filter.page(), filter.size());
  }

  /**
   * Hands every run in scope that matches to {@code each}, newest first, whatever the filter's page,
   * as the rows arrive: a few hundred at a time (PostgreSQL reads through a cursor only inside a
   * transaction), never all of them in memory.
   */
  void forEach(RunFilter filter, RunScope scope, Consumer<RunSummary> each) {
    List<Object> args = new ArrayList<>();
    String sql = "select * from run_record" + where(filter, scope, args)
        + " order by started_at desc, process_instance_id desc";
    reading.executeWithoutResult(status -> jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(sql);
      statement.setFetchSize(FETCH_SIZE);
      for (int i = 0; i < args.size(); i++) {
        statement.setObject(i + 1, args.get(i));
      }
      return statement;
    }, (RowCallbackHandler) rs -> each.accept(summary(rs, rs.getRow()))));
  }

  /** The process keys the record holds runs of (reads every run: see {@link ProcessKeys}). */
  List<String> processKeys() {
    return jdbc.queryForList("select distinct process_key from run_record", String.class);
  }

  /** Whether the record holds a run of {@code processKey}. */
  boolean hasRunsOf(String processKey) {
    return !jdbc.queryForList("select 1 from run_record where process_key = ? limit 1", Integer.class, processKey)
        .isEmpty();
  }

  private static String where(RunFilter filter, RunScope scope, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    if (!scope.all()) {
      conditions.add(scope.sites().isEmpty() ? "1 = 0"
          : "site in (" + String.join(", ", Collections.nCopies(scope.sites().size(), "?")) + ")");
      args.addAll(scope.sites());
    }
    if (filter.site() != null) {
      conditions.add("site = ?");
      args.add(filter.site());
    }
    if (filter.process() != null) {
      conditions.add("process_key = ?");
      args.add(filter.process());
    }
    if (RunFilter.RUNNING.equals(filter.outcome())) {
      conditions.add("outcome is null and ended_at is null"); // written together: the outcome's index serves it
    } else if (filter.outcome() != null) {
      conditions.add("outcome = ?");
      args.add(filter.outcome());
    }
    if (filter.from() != null) {
      conditions.add("started_at >= ?");
      args.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (filter.to() != null) {
      conditions.add("started_at < ?");
      args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static RunSummary summary(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new RunSummary(rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("site"),
        rs.getString("started_by"), instant(rs, "started_at"), rs.getBoolean("dry_run"), instant(rs, "ended_at"),
        outcome == null ? null : RunOutcome.valueOf(outcome), rs.getString("end_activity"),
        rs.getString("end_reason"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
