package org.linoconductor.rollback;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.linoconductor.rollback.CopyRecords.Kind;
import org.linoconductor.rollback.RollbackProperties.EnvCopy;
import org.linoconductor.step.DiskUsage;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.stereotype.Component;

/**
 * Before pull.sh: a copy of the env, whatever its layout (git checkouts in env/repositories or
 * packages pip-installed from an index), which the roll-back puts back by a rename. Then the
 * copies of runs older than the last {@code keep-copies} are removed.
 */
@Component
class CopyEnvStep implements Step {

  static final String ENV = "env";

  private final SiteCopies copies;
  private final CopyRecords records;

  CopyEnvStep(SiteCopies copies, CopyRecords records) {
    this.copies = copies;
    this.records = records;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.COPY_ENV;
  }

  @Override
  public boolean changesSite() {
    return false; // reads the env, writes only into the run's directory of copies
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path live = SiteCopies.liveEnv(context.site());
    Path copy = copies.runDir(context.site(), context.runId(), !context.dryRun()).resolve(ENV);
    if (!context.dryRun()) {
      FileTrees.delete(copy); // what a failed try of this run left
    }
    EnvCopy mode = copies.properties().envCopy();
    // -a keeps times, modes, links; -l makes hard links instead of copying the files' contents
    var result = context.run(mode == EnvCopy.HARDLINK
        ? List.of("cp", "-a", "-l", "--", live.toString(), copy.toString())
        : List.of("cp", "-a", "--", live.toString(), copy.toString()));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + live + " would be copied to " + copy);
    }
    if (!result.succeeded()) {
      return StepOutcome.failed(StepOutcome.fromExit(result, "cp -a " + live + " " + copy).summary()
          + " Nothing has changed yet: free some space if the disk is full, then retry; or abort.");
    }
    long bytes = DiskUsage.sizeBytes(copy);
    records.made(context.site().name(), context.runId(), Kind.ENV, copy, live.toString(), bytes, Instant.now());
    List<String> removed = copies.prune(context.site(), context.runId());
    return StepOutcome.succeeded("Copied " + live + " to " + copy + " ("
        + mode.name().toLowerCase(java.util.Locale.ROOT) + " copy, " + DiskUsage.toKib(bytes) + " KiB of files)" + (removed.isEmpty() ? ""
            : "; removed the copies of run(s) " + String.join(", ", removed) + " (only the last "
                + copies.properties().keepCopies() + " runs' are kept)"));
  }
}
