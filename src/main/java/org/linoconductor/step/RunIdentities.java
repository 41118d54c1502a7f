package org.linoconductor.step;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way to read what a run was started with ({@link RunIdentity}): for Java code by process
 * instance id, and for the diagrams as the bean {@code run}, e.g. a gateway's
 * {@code ${run.dryRun(execution)}} or a task's {@code camunda:candidateGroups="testers-${run.site(execution)}"}.
 * Recorded once by {@link SiteRunListener} at the start, in the start's transaction; nothing changes it.
 */
@Component("run")
public class RunIdentities {

  private final JdbcTemplate jdbc;

  RunIdentities(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<RunIdentity> find(String processInstanceId) {
    Map<String, String> parameters = new HashMap<>();
    jdbc.query("select name, value_text from run_parameter where process_instance_id = ?",
        (ResultSet rs) -> {
          parameters.put(rs.getString(1), rs.getString(2));
        }, processInstanceId);
    List<RunIdentity> found = jdbc.query("select * from run_identity where process_instance_id = ?",
        (rs, i) -> map(rs, parameters), processInstanceId);
    return found.stream().findFirst();
  }

  /**
   * @throws IllegalStateException when the run has no record: it was started without its start
   *     listeners (Cockpit's "skip listeners"), so nothing may run in it
   */
  public RunIdentity of(String processInstanceId) {
    return find(processInstanceId).orElseThrow(() -> new IllegalStateException("Run " + processInstanceId
        + " has no record of what it was started with (table run_identity): it was started without its start"
        + " listeners, so none of its steps may run. Delete it in Cockpit and start it again."));
  }

  public RunIdentity of(DelegateExecution execution) {
    return of(execution.getProcessInstanceId());
  }

  public RunIdentity of(DelegateTask task) {
    return of(task.getProcessInstanceId());
  }

  /** For diagrams: whether the execution's run is a dry run. */
  public boolean dryRun(DelegateExecution execution) {
    return of(execution).dryRun();
  }

  /** For diagrams: the site the execution's run works on. */
  public String site(DelegateExecution execution) {
    return of(execution).site();
  }

  /** For diagrams: a start parameter of the execution's run as recorded, or null. */
  public String parameter(DelegateExecution execution, String name) {
    return of(execution).parameter(name).orElse(null);
  }

  /** Only at the start, by {@link SiteRunListener}: a run's identity is written once (its key refuses a second). */
  void record(RunIdentity run) {
    jdbc.update("""
        insert into run_identity (process_instance_id, process_key, site, production_site, dry_run, started_by,
        started_at, called_by, host) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", run.processInstanceId(),
        run.processKey(), run.site(), run.productionSite(), run.dryRun(), run.startedBy(),
        Timestamp.from(run.startedAt()), run.calledBy(), run.host());
    run.parameters().forEach((name, value) -> jdbc.update(
        "insert into run_parameter (process_instance_id, name, value_text) values (?, ?, ?)",
        run.processInstanceId(), name, value));
  }

  private static RunIdentity map(ResultSet rs, Map<String, String> parameters) throws SQLException {
    return new RunIdentity(rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("site"),
        rs.getString("production_site"), rs.getBoolean("dry_run"), rs.getString("started_by"),
        rs.getTimestamp("started_at").toInstant(), rs.getString("called_by"), parameters, rs.getString("host"));
  }
}
