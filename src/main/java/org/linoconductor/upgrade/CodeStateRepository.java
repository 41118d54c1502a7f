package org.linoconductor.upgrade;

import java.time.Instant;
import java.util.Optional;

/**
 * The code of a site before and after {@code pull.sh}, per run: table {@code code_state} on the server
 * ({@link CodeStateTable}), the server's API on a step agent (agent.ServerCodeStates).
 */
public interface CodeStateRepository {

  /**
   * When the code state was recorded, relative to {@code pull.sh}; in an upgrade attempt BEFORE is
   * the production's code and AFTER the code on trial in the preview.
   */
  enum Phase {
    BEFORE, AFTER;

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The code state a run recorded in that phase, if any. */
  Optional<CodeState> find(String processInstanceId, Phase phase);

  /** Replaces what the run recorded in that phase. */
  void save(String processInstanceId, Phase phase, CodeState state, Instant recordedAt);
}
