package org.linoconductor.rollback;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code site_copy}: what each run copied, put back and removed. */
@Repository
public class CopyRecordTable implements CopyRecords {

  private final JdbcTemplate jdbc;

  CopyRecordTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void made(String site, String run, Kind kind, Path path, String source, long sizeBytes, Instant at) {
    jdbc.update("delete from site_copy where process_instance_id = ? and kind = ?", run, kind.name());
    jdbc.update("""
        insert into site_copy (site, process_instance_id, kind, path, source, size_bytes, made_at)
        values (?, ?, ?, ?, ?, ?, ?)""", site, run, kind.name(), path.toString(), source, sizeBytes,
        Timestamp.from(at));
  }

  @Override
  public Optional<Copy> of(String run, Kind kind) {
    return jdbc.query("select * from site_copy where process_instance_id = ? and kind = ?", this::map, run,
        kind.name()).stream().findFirst();
  }

  @Override
  public void restored(Copy copy, Instant at) {
    jdbc.update("update site_copy set restored_at = ? where id = ?", Timestamp.from(at), copy.id());
  }

  @Override
  public List<Copy> kept(String site) {
    return jdbc.query("select * from site_copy where site = ? and removed_at is null order by made_at desc, id desc",
        this::map, site);
  }

  @Override
  public List<Copy> ofRun(String run) {
    return jdbc.query("select * from site_copy where process_instance_id = ? order by id", this::map, run);
  }

  @Override
  public void removed(String run, String byRun, Instant at) {
    jdbc.update("update site_copy set removed_at = ?, removed_by = ?"
        + " where process_instance_id = ? and removed_at is null", Timestamp.from(at), byRun, run);
  }

  private Copy map(ResultSet rs, int row) throws SQLException {
    return new Copy(rs.getLong("id"), rs.getString("site"), rs.getString("process_instance_id"),
        Kind.valueOf(rs.getString("kind")), Path.of(rs.getString("path")), rs.getString("source"),
        rs.getLong("size_bytes"), instant(rs.getTimestamp("made_at")), instant(rs.getTimestamp("restored_at")),
        instant(rs.getTimestamp("removed_at")), rs.getString("removed_by"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
