package org.linoconductor.preview;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linoconductor.step.RunRefusedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code preview_site}: which production site each preview mirrors. */
@Repository
public class PreviewSites {

  private final JdbcTemplate jdbc;

  PreviewSites(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that {@code site} (already registered) previews {@code productionSite}. */
  public void register(PreviewSite preview) {
    jdbc.update("""
        insert into preview_site (site, production_site, nightly_sync, created_by_run, created_at)
        values (?, ?, ?, ?, ?)""", preview.site(), preview.productionSite(), preview.nightlySync(),
        preview.createdByRun(), Timestamp.from(Instant.now()));
  }

  /**
   * The production site the preview {@code site} mirrors, for a run on it (preview-sync,
   * upgrade-attempt); a preview without one is refused, so no step ever guesses where to dump from.
   */
  public String requireProductionOf(String site) {
    return find(site).map(PreviewSite::productionSite).orElseThrow(() -> new RunRefusedException("Site " + site
        + " mirrors no production site: it has no row in table preview_site. A preview-setup run registers"
        + " one; a preview made by hand needs PreviewSites.register before it can be synced."));
  }

  public Optional<PreviewSite> find(String site) {
    return jdbc.query("select * from preview_site where site = ?", (rs, i) -> map(rs), site).stream().findFirst();
  }

  /** Every preview, by name: one query for a nightly round instead of one per site. */
  List<PreviewSite> all() {
    return jdbc.query("select * from preview_site order by site", (rs, i) -> map(rs));
  }

  /** The previews the nightly sync refreshes, by name. */
  public List<PreviewSite> nightly() {
    return jdbc.query("select * from preview_site where nightly_sync order by site", (rs, i) -> map(rs));
  }

  private static PreviewSite map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PreviewSite(rs.getString("site"), rs.getString("production_site"), rs.getBoolean("nightly_sync"),
        rs.getString("created_by_run"));
  }
}
