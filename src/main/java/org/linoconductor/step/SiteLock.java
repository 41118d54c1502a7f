package org.linoconductor.step;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linoconductor.site.SiteHolds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run at a time per site: a row in {@code site_lock}. Taken in the engine's transaction when
 * a run starts, so a refused start leaves nothing behind; a lock whose run no longer exists (deleted
 * without listeners) is taken over rather than blocking the site forever.
 */
@Component
public class SiteLock implements SiteHolds {

  private static final Logger log = LoggerFactory.getLogger(SiteLock.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;

  SiteLock(JdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /**
   * Locks {@code site} for the run of {@code execution} (from a start listener), or lets it work
   * under the lock of a run that called it through call activities: preview-setup calls
   * preview-sync on the sites it holds, and the called run works under its caller's lock.
   */
  public void acquire(String site, DelegateExecution execution) {
    acquire(site, execution.getProcessInstanceId(), ProcessProperty.processKey(execution), callers(execution));
  }

  /** The runs that called this one through call activities, nearest first. */
  private static List<String> callers(DelegateExecution execution) {
    List<String> callers = new ArrayList<>();
    for (DelegateExecution caller = execution.getProcessInstance().getSuperExecution(); caller != null;
        caller = caller.getProcessInstance().getSuperExecution()) {
      callers.add(caller.getProcessInstanceId());
    }
    return callers;
  }

  /**
   * Locks {@code site} for the run, or lets it work under the lock of one of its {@code callers}
   * (the runs that called it through call activities): the caller keeps the lock and frees it.
   */
  private void acquire(String site, String processInstanceId, String processKey, List<String> callers) {
    for (Holder holder : holders(site)) {
      if (holder.processInstanceId().equals(processInstanceId) || callers.contains(holder.processInstanceId())) {
        return;
      }
      if (isRunning(holder.processInstanceId())) {
        throw busy(site, holder);
      }
      log.warn("STEP-010 Site {}: taking over the lock of run {} ({}), which no longer exists",
          site, holder.processInstanceId(), holder.processKey());
      jdbc.update("delete from site_lock where site = ?", site);
    }
    try {
      jdbc.update("insert into site_lock (site, process_instance_id, process_key, acquired_at) values (?, ?, ?, ?)",
          site, processInstanceId, processKey, Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException e) {
      throw new SiteBusyException("Site " + site + " is busy: another run started on it at the same moment."
          + " Look at its runs in Cockpit and start again when it has ended.");
    }
    log.info("STEP-011 Site {}: locked for run {} ({})", site, processInstanceId, processKey);
  }

  /**
   * Why a run could not start on {@code site} now (the message a refused start would give), or empty
   * when it could: lets a caller skip a busy site instead of failing its own transaction.
   */
  public Optional<String> refusal(String site) {
    return runningHolder(site).map(holder -> busy(site, holder).getMessage());
  }

  @Override
  public Optional<String> heldBy(String site) {
    return runningHolder(site).map(holder -> "run " + holder.processInstanceId() + " (" + holder.processKey()
        + "), since " + holder.acquiredAt());
  }

  private Optional<Holder> runningHolder(String site) {
    return holders(site).stream().filter(holder -> isRunning(holder.processInstanceId())).findFirst();
  }

  /** The run that holds {@code site} now, if one does: lets a caller ask what that run is doing. */
  public Optional<String> holder(String site) {
    return holders(site).stream().map(Holder::processInstanceId).filter(this::isRunning).findFirst();
  }

  private List<Holder> holders(String site) {
    return jdbc.query("select process_instance_id, process_key, acquired_at from site_lock where site = ?",
        (rs, i) -> new Holder(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), site);
  }

  public void release(String site, String processInstanceId) {
    int released = jdbc.update("delete from site_lock where site = ? and process_instance_id = ?", site,
        processInstanceId);
    if (released > 0) {
      log.info("STEP-012 Site {}: lock of run {} released", site, processInstanceId);
    }
  }

  private boolean isRunning(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  private static SiteBusyException busy(String site, Holder holder) {
    return new SiteBusyException("Site " + site + " is busy: run " + holder.processInstanceId() + " ("
        + holder.processKey() + ") works on it since " + holder.acquiredAt()
        + ". Wait until it has ended, or end it in Cockpit, then start again.");
  }

  private record Holder(String processInstanceId, String processKey, Instant acquiredAt) {}
}
