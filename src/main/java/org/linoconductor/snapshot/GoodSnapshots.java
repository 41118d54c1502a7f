package org.linoconductor.snapshot;

import java.time.Instant;
import java.util.Optional;

/**
 * The verified snapshots of each site, newest last: table {@code good_snapshot} on the server
 * ({@link GoodSnapshotTable}), the server's API on a step agent (agent.ServerGoodSnapshots).
 */
public interface GoodSnapshots {

  record GoodSnapshot(String run, long sizeBytes, Instant verifiedAt) {}

  Optional<GoodSnapshot> last(String site);

  /** {@code run} verified the snapshot {@code path} of {@code site}. */
  void record(String site, String run, String path, long sizeBytes);
}
