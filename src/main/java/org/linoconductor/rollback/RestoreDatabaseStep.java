package org.linoconductor.rollback;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.linoconductor.rollback.CopyRecords.Copy;
import org.linoconductor.rollback.CopyRecords.Kind;
import org.linoconductor.step.DiskUsage;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.stereotype.Component;

/**
 * The roll-back of the data: the native copy made right after the services stopped goes back,
 * every row as it was (also rows that the snapshot's restore.py would abandon). The database as
 * the upgrade left it is kept beside the copy first, so that what was entered between the start of
 * the services and a "no" at the sign-off is not lost silently.
 */
@Component
class RestoreDatabaseStep implements Step {

  static final String AFTER_UPGRADE = "database-after-upgrade";

  private final SiteCopies copies;
  private final CopyRecords records;

  RestoreDatabaseStep(SiteCopies copies, CopyRecords records) {
    this.copies = copies;
    this.records = records;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.RESTORE_DATABASE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Optional<Copy> recorded = records.of(context.runId(), Kind.DATABASE);
    if (recorded.isEmpty() && !context.dryRun()) {
      return StepOutcome.skipped("No copy of the database was made in this run: it failed before anything could"
          + " change the data; nothing to put back.");
    }
    SiteSettings.Reading reading = SiteSettings.read(context);
    if (reading.problem() != null) {
      return StepOutcome.failed("Cannot put back the database: " + reading.problem() + " Retry when settings.py"
          + " can be read.");
    }
    SiteDatabase database = reading.database();
    Path copy = recorded.map(Copy::path).orElse(copies.runDir(context.site(), context.runId(), false)
        .resolve(DatabaseCopier.fileName(database.kind(), CopyDatabaseStep.STEM)));
    if (!context.dryRun() && !recorded.get().source().equals(database.describe())) {
      return StepOutcome.failed("settings.py now names the " + database.describe() + ", but the copy " + copy
          + " is of the " + recorded.get().source() + ": put the settings back as they were, then retry.");
    }
    Path after = copy.resolveSibling(DatabaseCopier.fileName(database.kind(), AFTER_UPGRADE));
    CopyDatabaseStep.delete(after);
    Optional<String> notKept = copies.copier().copy(context, database, after);
    Optional<String> problem = copies.copier().restore(context, database, copy);
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: the " + database.describe() + " would be kept as " + after
          + " and replaced by the copy " + copy);
    }
    if (problem.isPresent()) {
      return StepOutcome.failed(problem.get() + " The copy " + copy + " is unchanged: repair the cause, then retry.");
    }
    records.restored(recorded.get(), Instant.now());
    return StepOutcome.succeeded("Put back the " + database.describe() + " copied at " + recorded.get().madeAt()
        + " from " + copy + notKept.map(why -> "; the upgraded database could not be kept (" + why + ")")
            .orElse("; the upgraded database is kept as " + after + " (" + DiskUsage.toKib(DiskUsage.sizeBytes(after))
                + " KiB)"));
  }
}
