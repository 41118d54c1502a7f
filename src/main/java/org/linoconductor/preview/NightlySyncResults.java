package org.linoconductor.preview;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code nightly_sync_site}: the record of nightly-sync runs, written as they go. */
@Repository
public class NightlySyncResults {

  private final JdbcTemplate jdbc;

  NightlySyncResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The sites of one nightly run, by name. */
  public List<NightlySyncResult> ofRun(String nightlyRun) {
    return jdbc.query("select * from nightly_sync_site where nightly_run = ? order by site",
        (rs, i) -> new NightlySyncResult(rs.getString("nightly_run"), rs.getString("site"),
            Result.valueOf(rs.getString("result")), rs.getString("sync_run"), rs.getString("detail")), nightlyRun);
  }

  /** Notes a preview to sync, with how long its sync is expected to take (null: unknown). */
  void pending(String nightlyRun, String site, Duration expected) {
    jdbc.update("""
        insert into nightly_sync_site (nightly_run, site, result, updated_at, expected_millis)
        values (?, ?, ?, ?, ?)""", nightlyRun, site, Result.PENDING.name(), Timestamp.from(Instant.now()),
        expected == null ? null : expected.toMillis());
  }

  /** How long the syncs of a night's previews are expected to take, where known. */
  Map<String, Duration> expected(String nightlyRun) {
    Map<String, Duration> expected = new HashMap<>();
    jdbc.query("select site, expected_millis from nightly_sync_site where nightly_run = ?"
        + " and expected_millis is not null", rs -> {
          expected.put(rs.getString(1), Duration.ofMillis(rs.getLong(2)));
        }, nightlyRun);
    return expected;
  }

  void update(String nightlyRun, String site, Result result, String syncRun, String detail) {
    jdbc.update("""
        update nightly_sync_site set result = ?, sync_run = ?, detail = ?, updated_at = ?
        where nightly_run = ? and site = ?""", result.name(), syncRun,
        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...",
        Timestamp.from(Instant.now()), nightlyRun, site);
  }
}
