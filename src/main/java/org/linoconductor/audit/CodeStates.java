package org.linoconductor.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads table {@code code_state} (revisions and pip freeze lines before and after pull.sh), which
 * the upgrade feature writes. Read only when the table is there: a database migrated by a build
 * without that feature simply shows no code state.
 */
@Repository
class CodeStates {

  private final JdbcTemplate jdbc;

  CodeStates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param phase {@code before} or {@code after} pull.sh
   * @param kind {@code revision} (a repository) or {@code freeze} (a pip freeze line)
   */
  record Entry(String phase, String kind, String name, String value) {}

  List<Entry> ofRun(String processInstanceId) {
    if (!tableExists()) {
      return List.of();
    }
    return jdbc.query("select phase, kind, name, content from code_state where process_instance_id = ? order by id",
        (rs, i) -> new Entry(rs.getString("phase"), rs.getString("kind"), rs.getString("name"), rs.getString("content")),
        processInstanceId);
  }

  private boolean tableExists() {
    Integer tables = jdbc.queryForObject(
        "select count(*) from information_schema.tables where lower(table_name) = 'code_state'", Integer.class);
    return tables != null && tables > 0;
  }
}
