package org.linoconductor.rollback;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.linoconductor.rollback.CopyRecords.Copy;
import org.linoconductor.rollback.CopyRecords.Kind;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.CodeState;
import org.linoconductor.upgrade.CodeStateReader;
import org.linoconductor.upgrade.CodeStateRepository;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.stereotype.Component;

/**
 * The roll-back of the code, for both layouts: the env copied at the start goes back in place by
 * two renames (the upgraded env aside into the run's copies, the copy to where the env was), each
 * atomic, so the env is never half old and half new. Then the code is compared with what pull-code
 * recorded before pull.sh.
 */
@Component
class RestoreEnvStep implements Step {

  static final String DISPLACED = "env-after-upgrade";

  private final CopyRecords records;
  private final CodeStateRepository codeStates;

  RestoreEnvStep(CopyRecords records, CodeStateRepository codeStates) {
    this.records = records;
    this.codeStates = codeStates;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.RESTORE_CODE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Optional<Copy> recorded = records.of(context.runId(), Kind.ENV);
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: the env copied at the start would be put back by a rename");
    }
    if (recorded.isEmpty()) {
      return StepOutcome.skipped("No copy of the env was made in this run: it failed before pull.sh, so the code"
          + " is the one it had; nothing to put back.");
    }
    Copy copy = recorded.get();
    Path live = Path.of(copy.source());
    Path displaced = copy.path().resolveSibling(DISPLACED);
    if (!Files.isDirectory(copy.path(), LinkOption.NOFOLLOW_LINKS)) {
      if (copy.restoredAt() != null && Files.isDirectory(live)) {
        return verified(context, "The env was put back earlier in this run (" + copy.restoredAt() + ")");
      }
      return StepOutcome.failed("The copy of the env " + copy.path() + " is gone: the code cannot be put back"
          + " automatically. Check " + live + " by hand (its code before the upgrade is in the table code_state),"
          + " then abort the roll-back.");
    }
    try {
      if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.exists(displaced, LinkOption.NOFOLLOW_LINKS)) {
          return StepOutcome.failed("Both " + live + " and " + displaced + " exist: an earlier try was cut off"
              + " between its renames. Look which env is which, move one away, then retry.");
        }
        Files.move(live, displaced, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(copy.path(), live, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      return StepOutcome.failed("Cannot rename " + e.getFile() + " to " + e.getOtherFile() + ": not on one file"
          + " system. Move the copy " + copy.path() + " to " + live + " by hand, or set conductor.rollback.copies-dir"
          + " to a directory on the env's file system for the next upgrade.");
    } catch (IOException e) {
      return StepOutcome.failed("Cannot put back the env " + live + " from " + copy.path() + ": " + e
          + ". Check both directories, then retry.");
    }
    records.restored(copy, Instant.now());
    return verified(context, "Put back the env copied at " + copy.madeAt() + " (" + live + "); the upgraded env is"
        + " kept in " + displaced);
  }

  /** The code now is the code recorded before pull.sh (when this run recorded it). */
  private StepOutcome verified(StepContext context, String done) {
    Optional<CodeState> before = codeStates.find(context.runId(), Phase.BEFORE);
    if (before.isEmpty()) {
      return StepOutcome.succeeded(done);
    }
    var now = CodeStateReader.read(context, context.site());
    if (now.problem() != null) {
      return StepOutcome.failed(done + ", but its code cannot be read: " + now.problem());
    }
    if (!now.state().equals(before.get())) {
      return StepOutcome.failed(done + ", but its code differs from the one recorded before pull.sh (table"
          + " code_state, run " + context.runId() + "): " + before.get().summary() + " then, " + now.state().summary()
          + " now. Check the env by hand.");
    }
    return StepOutcome.succeeded(done + "; the code is the one recorded before pull.sh: "
        + now.state().summary().replace('\n', ' '));
  }
}
