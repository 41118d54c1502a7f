package org.linoconductor.preview;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

  void pending(String nightlyRun, String site) {
    jdbc.update("insert into nightly_sync_site (nightly_run, site, result, updated_at) values (?, ?, ?, ?)",
        nightlyRun, site, Result.PENDING.name(), Timestamp.from(Instant.now()));
  }

  void update(String nightlyRun, String site, Result result, String syncRun, String detail) {
    jdbc.update("""
        update nightly_sync_site set result = ?, sync_run = ?, detail = ?, updated_at = ?
        where nightly_run = ? and site = ?""", result.name(), syncRun,
        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...",
        Timestamp.from(Instant.now()), nightlyRun, site);
  }
}
