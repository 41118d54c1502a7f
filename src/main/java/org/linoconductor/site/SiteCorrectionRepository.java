package org.linoconductor.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code site_registration_change} (V15): corrections and removals of registrations. */
@Repository
class SiteCorrectionRepository {

  static final String CORRECTED = "CORRECTED";
  static final String REMOVED = "REMOVED";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  SiteCorrectionRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** @param changes CORRECTED: what changed; REMOVED: the registration as it was */
  void insert(String site, String action, String changedBy, Instant changedAt, JsonNode changes) {
    jdbc.update("""
        insert into site_registration_change (site, action, changed_by, changed_at, changes)
        values (?, ?, ?, ?, ?)""", site, action, changedBy, Timestamp.from(changedAt), changes.toString());
  }

  /** The corrections of {@code site}'s current registration, oldest first. */
  List<SiteCorrection> of(String site) {
    return jdbc.query("select * from site_registration_change c where site = ? and action = ? and "
        + SiteRepository.SINCE_REGISTRATION.formatted("c") + " order by changed_at, id", this::row, site, CORRECTED);
  }

  /** The corrections of every registered site, by name: one query. */
  Map<String, List<SiteCorrection>> all() {
    Map<String, List<SiteCorrection>> bySite = new HashMap<>();
    jdbc.query("""
        select c.* from site_registration_change c join site s on s.name = c.site
        where c.action = ? and %s
        order by c.changed_at, c.id""".formatted(SiteRepository.SINCE_REGISTRATION.formatted("c")), (ResultSet rs) -> {
          SiteCorrection correction = row(rs, 0);
          bySite.computeIfAbsent(correction.site(), site -> new ArrayList<>()).add(correction);
        }, CORRECTED);
    return bySite;
  }

  private SiteCorrection row(ResultSet rs, int row) throws SQLException {
    try {
      return new SiteCorrection(rs.getString("site"), rs.getString("changed_by"),
          rs.getTimestamp("changed_at").toInstant(), json.readTree(rs.getString("changes")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Corrupt changes in site_registration_change " + rs.getLong("id"), e);
    }
  }
}
