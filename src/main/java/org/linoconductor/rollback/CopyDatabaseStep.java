package org.linoconductor.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.linoconductor.rollback.CopyRecords.Kind;
import org.linoconductor.step.DiskUsage;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.stereotype.Component;

/**
 * Right after the services stopped, before anything changes: a native copy of the database as it
 * is (rows the snapshot's restore.py would lose included), for the roll-back to put back.
 */
@Component
class CopyDatabaseStep implements Step {

  static final String STEM = "database";

  private final SiteCopies copies;
  private final CopyRecords records;

  CopyDatabaseStep(SiteCopies copies, CopyRecords records) {
    this.copies = copies;
    this.records = records;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.COPY_DATABASE;
  }

  @Override
  public boolean changesSite() {
    return false; // reads the database, writes only into the run's directory of copies
  }

  @Override
  public StepOutcome execute(StepContext context) {
    SiteSettings.Reading reading = SiteSettings.read(context);
    if (reading.problem() != null) {
      return StepOutcome.failed("Cannot copy the database: " + reading.problem() + " Nothing was copied;"
          + " retry, or abort (the services start again).");
    }
    SiteDatabase database = reading.database();
    Path file = copies.runDir(context.site(), context.runId(), !context.dryRun())
        .resolve(DatabaseCopier.fileName(database.kind(), STEM));
    delete(file); // what a failed try of this run left
    Optional<String> problem = copies.copier().copy(context, database, file);
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: the " + database.describe() + " would be copied to " + file);
    }
    if (problem.isPresent()) {
      return StepOutcome.failed(problem.get() + " Nothing has changed yet: retry, or abort (the services start"
          + " again).");
    }
    long bytes = DiskUsage.sizeBytes(file);
    records.made(context.site().name(), context.runId(), Kind.DATABASE, file, database.describe(), bytes,
        Instant.now());
    return StepOutcome.succeeded("Copied the " + database.describe() + " to " + file + " (" + DiskUsage.toKib(bytes)
        + " KiB)");
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
