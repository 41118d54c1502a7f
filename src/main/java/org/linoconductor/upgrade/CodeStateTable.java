package org.linoconductor.upgrade;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code code_state}: the code of a site before and after {@code pull.sh}, per run. */
@Repository
public class CodeStateTable implements CodeStateRepository {

  private static final String REVISION = "revision";
  private static final String FREEZE = "freeze";

  private final JdbcTemplate jdbc;

  public CodeStateTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CodeState> find(String processInstanceId, Phase phase) {
    Map<String, String> revisions = new LinkedHashMap<>();
    List<String> freeze = new ArrayList<>();
    jdbc.query("select kind, name, content from code_state where process_instance_id = ? and phase = ? order by id",
        row -> {
          if (REVISION.equals(row.getString("kind"))) {
            revisions.put(row.getString("name"), row.getString("content"));
          } else {
            freeze.add(row.getString("content"));
          }
        }, processInstanceId, phase.column());
    return revisions.isEmpty() && freeze.isEmpty() ? Optional.empty() : Optional.of(new CodeState(revisions, freeze));
  }

  @Override
  public void save(String processInstanceId, Phase phase, CodeState state, Instant recordedAt) {
    jdbc.update("delete from code_state where process_instance_id = ? and phase = ?", processInstanceId,
        phase.column());
    List<Object[]> rows = new ArrayList<>();
    Timestamp at = Timestamp.from(recordedAt);
    state.sortedRevisions().forEach((name, revision) ->
        rows.add(new Object[] {processInstanceId, phase.column(), REVISION, name, revision, at}));
    state.packages().forEach(line ->
        rows.add(new Object[] {processInstanceId, phase.column(), FREEZE, CodeState.packageName(line), line, at}));
    jdbc.batchUpdate("insert into code_state (process_instance_id, phase, kind, name, content, recorded_at)"
        + " values (?, ?, ?, ?, ?, ?)", rows);
  }
}
