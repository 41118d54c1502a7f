package org.linoconductor.snapshot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code good_snapshot}: the verified snapshots of each site, newest last. */
@Repository
class GoodSnapshotTable implements GoodSnapshots {

  private final JdbcTemplate jdbc;

  GoodSnapshotTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<GoodSnapshot> last(String site) {
    return jdbc.query("""
        select process_instance_id, size_bytes, verified_at from good_snapshot
        where site = ? order by verified_at desc, id desc""",
        (rs, i) -> new GoodSnapshot(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), site)
        .stream().findFirst();
  }

  @Override
  public void record(String site, String run, String path, long sizeBytes) {
    jdbc.update("insert into good_snapshot (site, process_instance_id, path, size_bytes, verified_at) values (?, ?, ?, ?, ?)",
        site, run, path, sizeBytes, Timestamp.from(Instant.now()));
  }
}
