package org.linoconductor.rollback;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What each run copied, put back and removed: table {@code site_copy} on the server ({@link CopyRecordTable}),
 * the server's API on a step agent (agent.ServerCopyRecords).
 */
public interface CopyRecords {

  /** What was copied. */
  enum Kind { DATABASE, ENV }

  /**
   * One copy.
   *
   * @param path the copy
   * @param source what was copied: the database (file, or name and server) or the env directory
   */
  record Copy(long id, String site, String run, Kind kind, Path path, String source, long sizeBytes,
      Instant madeAt, Instant restoredAt, Instant removedAt, String removedBy) {}

  /** A new copy of the run; one of the same kind made earlier in the run (a retry) is replaced. */
  void made(String site, String run, Kind kind, Path path, String source, long sizeBytes, Instant at);

  Optional<Copy> of(String run, Kind kind);

  void restored(Copy copy, Instant at);

  /** The copies of the site still on disk, newest first. */
  List<Copy> kept(String site);

  /** Every copy a run made, removed or not. */
  List<Copy> ofRun(String run);

  /** The copies of {@code run} were removed from disk by {@code byRun}. */
  void removed(String run, String byRun, Instant at);
}
