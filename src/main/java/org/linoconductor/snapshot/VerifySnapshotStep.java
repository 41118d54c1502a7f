package org.linoconductor.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code snapshot.zip} that {@link MakeSnapshotStep} wrote, before anything relies on
 * it: a good zip (see {@link SnapshotZip}) and not much smaller than the site's last good one,
 * because a dump that stopped half-way still makes a readable zip.
 */
@Component
class VerifySnapshotStep implements Step {

  /** Below this share of the last good snapshot's size, a snapshot is suspect. */
  static final double MIN_SHARE_OF_LAST = 0.5;

  private final GoodSnapshots goodSnapshots;

  VerifySnapshotStep(GoodSnapshots goodSnapshots) {
    this.goodSnapshots = goodSnapshots;
  }

  @Override
  public String topic() {
    return SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    if (context.dryRun()) {
      return StepOutcome.skipped("dry run: snapshot.zip is not checked");
    }
    Path zip = context.site().directory().resolve(SnapshotZip.FILE);
    return SnapshotZip.problemWith(zip, context.runStarted())
        .map(StepOutcome::failed)
        .orElseGet(() -> comparedWithLast(context, zip, size(zip)));
  }

  private StepOutcome comparedWithLast(StepContext context, Path zip, long size) {
    String site = context.site().name();
    boolean accepted = context.run().flag(SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT);
    var last = goodSnapshots.last(site);
    if (last.isPresent() && size < last.get().sizeBytes() * MIN_SHARE_OF_LAST && !accepted) {
      return StepOutcome.failed(zip + " is " + size + " bytes, less than half of the last good snapshot of site "
          + site + " (" + last.get().sizeBytes() + " bytes, " + last.get().verifiedAt() + "): the dump may have"
          + " stopped half-way. Read make_snapshot.sh's log; if the data really shrank, abort and start again"
          + " with the variable " + SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT + "=true.");
    }
    goodSnapshots.record(site, context.runId(), zip.toString(), size);
    return StepOutcome.succeeded(zip + " is good: " + size + " bytes, written " + lastModified(zip)
            + last.map(l -> "; the last good one had " + l.sizeBytes() + " bytes").orElse(""),
        Map.of(SiteSnapshotProcess.Variables.SNAPSHOT_PATH, zip.toString(),
            SiteSnapshotProcess.Variables.SNAPSHOT_SIZE, size));
  }

  private static long size(Path zip) {
    try {
      return Files.size(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object lastModified(Path zip) {
    try {
      return SnapshotZip.lastModified(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
