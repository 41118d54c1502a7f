package org.linoconductor.upgrade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.linoconductor.rollback.SiteCopies;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.step.DiskUsage;
import org.linoconductor.step.ProgramCheck;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Before anything is stopped, what the upgrade will run: every service command is found and (with
 * sudo) allowed without a password prompt; the site's settings name a database whose native copy
 * can be made with the tools at hand; the copies can be renamed back; and the disk holds a new
 * snapshot and the copies. Changes nothing.
 */
@Component
class PreflightStep implements Step {

  /** A snapshot is written twice (snapshot/ and snapshot.zip), so twice the last one's size... */
  static final int MARGIN_FACTOR = 2;
  /** ...plus room for the logs and the temporary dump of compare-schema. */
  static final long MARGIN_KIB = 64 * 1024;

  private final SiteCopies copies;

  PreflightStep(SiteCopies copies) {
    this.copies = copies;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.PREFLIGHT;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    ServiceCommands services = context.site().serviceCommands();
    if (services == null || isEmpty(services.stop()) || isEmpty(services.start())) {
      return StepOutcome.failed("Site " + context.site().name() + " has no commands to stop and start its services:"
          + " register them (stop and start) before upgrading, or nothing keeps the web server from writing"
          + " to the database during the upgrade.");
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<List<String>>> registered = new LinkedHashMap<>();
    registered.put("serviceCommands.stop", services.stop());
    registered.put("serviceCommands.start", services.start());
    registered.put("serviceCommands.restartWeb", ServiceCalls.orEmpty(services.restartWeb()));
    problems.addAll(ProgramCheck.commands(context, registered));
    SiteCopies.Check copy = copies.check(context);
    problems.addAll(copy.problems());
    Path dir = context.site().directory();
    // Through the site's shell, not Java's FileStore: df is what the operator would run (and what
    // the simulation's disk-full scenario answers).
    var df = context.run(DiskUsage.dfArgv(dir));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: service commands, database tools and free disk space not checked");
    }
    if (!problems.isEmpty()) {
      return StepOutcome.failed("Site " + context.site().name() + " cannot be upgraded as registered; nothing was"
          + " stopped or changed. " + String.join(" ", problems));
    }
    if (!df.succeeded()) {
      return StepOutcome.fromExit(df, "df -Pk " + dir);
    }
    OptionalLong availableKib = DiskUsage.availableKib(df.tail());
    if (availableKib.isEmpty()) {
      return StepOutcome.failed("Cannot read the free space from the output of df -Pk " + dir
          + ". See the log " + df.logFile());
    }
    long snapshotKib = snapshotKib(dir);
    long neededKib = snapshotKib + copy.neededKib();
    if (availableKib.getAsLong() < neededKib) {
      return StepOutcome.failed("Not enough free disk space for the snapshot and the copies kept for a roll-back: "
          + availableKib.getAsLong() + " KiB available on the file system of " + dir + ", " + neededKib
          + " KiB needed (snapshot " + snapshotKib + " KiB; " + copy.summary() + "). Free some space (e.g. old"
          + " snapshots in the backup directory, or lower conductor.rollback.keep-copies), then retry.");
    }
    return StepOutcome.succeeded("Service commands and database tools can run; " + availableKib.getAsLong()
        + " KiB free, " + neededKib + " KiB needed (snapshot " + snapshotKib + " KiB; " + copy.summary() + ")");
  }

  private static boolean isEmpty(List<List<String>> commands) {
    return commands == null || commands.isEmpty();
  }

  /** From the last snapshot.zip, else from what it would hold: the SQLite database and media/. */
  private static long snapshotKib(Path dir) {
    Path zip = dir.resolve("snapshot.zip");
    long bytes = Files.isRegularFile(zip) ? size(zip) : size(dir.resolve("default.db")) + size(dir.resolve("media"));
    return MARGIN_FACTOR * (bytes + 1023) / 1024 + MARGIN_KIB;
  }

  private static long size(Path path) {
    return DiskUsage.sizeBytes(path);
  }
}
