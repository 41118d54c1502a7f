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

/** Checks the {@code snapshot.zip} that {@link MakeSnapshotStep} wrote, before anything relies on it. */
@Component
class VerifySnapshotStep implements Step {

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
        .orElseGet(() -> good(zip));
  }

  private static StepOutcome good(Path zip) {
    try {
      long size = Files.size(zip);
      return StepOutcome.succeeded(zip + " is good: " + size + " bytes, written " + SnapshotZip.lastModified(zip),
          Map.of(SiteSnapshotProcess.Variables.SNAPSHOT_PATH, zip.toString(),
              SiteSnapshotProcess.Variables.SNAPSHOT_SIZE, size));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
