package org.linoconductor.upgrade;

import org.linoconductor.lino.ManagePy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The seed's "When to skip restore.py": a dump with the new code into a temporary directory, whose
 * {@code restore.py} is compared with the snapshot's. Identical files mean the same schema, so the
 * restore can be skipped. Skipped itself where it cannot pay off: a snapshot smaller than
 * {@code conductor.upgrade.schema-comparison.min-snapshot-size} is restored without comparing. Reads
 * the database only.
 */
@Component
class CompareSchemaStep implements Step {

  static final String SNAPSHOT_RESTORE = "snapshot/restore.py";
  static final String SNAPSHOT_ZIP = "snapshot.zip";

  private final SchemaComparisonProperties properties;

  CompareSchemaStep(SchemaComparisonProperties properties) {
    this.properties = properties;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.COMPARE_SCHEMA;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path site = context.site().directory();
    Path snapshotRestore = site.resolve(SNAPSHOT_RESTORE);
    if (!context.dryRun() && !Files.isRegularFile(snapshotRestore)) {
      return StepOutcome.failed(snapshotRestore + " does not exist: there is no snapshot to compare with."
          + " Make the snapshot (make_snapshot.sh) before comparing.");
    }
    Long snapshotSize = context.dryRun() ? null : sizeOf(site.resolve(SNAPSHOT_ZIP));
    if (snapshotSize != null && snapshotSize < properties.minSnapshotSize().toBytes()) {
      String why = "not compared: " + SNAPSHOT_ZIP + " is " + DataSize.ofBytes(snapshotSize).toKilobytes()
          + " KB, below " + properties.minSnapshotSize().toMegabytes() + " MB (conductor.upgrade.schema-comparison"
          + ".min-snapshot-size): restoring so small a snapshot takes about as long as the dump2py a comparison"
          + " needs, so it is restored without comparing";
      return StepOutcome.skipped("Compare restore.py skipped: " + why)
          .with(Map.of(Variables.SCHEMA_CHANGED, true, Variables.SCHEMA_COMPARISON, why));
    }
    Path dumpDir = site.resolve(".conductor").resolve("schema-" + context.runId());
    // -o because a crashed earlier attempt may have left the directory; the seed's "-os" fails on Lino 21.
    var dump = context.run(ManagePy.argv(context.site(), "dump2py", "-o", dumpDir.toString()));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: restore.py not compared; the schema counts as changed",
          Map.of(Variables.SCHEMA_CHANGED, true, Variables.SCHEMA_COMPARISON, "dry run: not compared"));
    }
    try {
      if (dump.timedOut()) {
        return changed("dump2py did not finish within " + dump.command().timeout() + " under the new code: restore needed");
      }
      if (dump.exitStatus() != 0) {
        return changed("dump2py failed under the new code (exit " + dump.exitStatus() + "): restore needed");
      }
      byte[] fresh = Files.readAllBytes(dumpDir.resolve("restore.py"));
      byte[] old = Files.readAllBytes(snapshotRestore);
      if (Arrays.equals(fresh, old)) {
        String why = "restore.py of the new code is identical to the snapshot's: same schema and version, restore can be skipped";
        return StepOutcome.succeeded(why, Map.of(Variables.SCHEMA_CHANGED, false, Variables.SCHEMA_COMPARISON, why));
      }
      return changed(difference(old, fresh));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      FileTrees.delete(dumpDir);
    }
  }

  private static StepOutcome changed(String why) {
    return StepOutcome.succeeded("Restore needed: " + why,
        Map.of(Variables.SCHEMA_CHANGED, true, Variables.SCHEMA_COMPARISON, why));
  }

  /**
   * Why the files differ, in one line. A different SOURCE_VERSION alone already means a restore:
   * restore.py then runs the migrators between the versions.
   */
  static String difference(byte[] oldScript, byte[] newScript) {
    List<String> oldLines = new String(oldScript, StandardCharsets.UTF_8).lines().toList();
    List<String> newLines = new String(newScript, StandardCharsets.UTF_8).lines().toList();
    String oldVersion = sourceVersion(oldLines);
    String newVersion = sourceVersion(newLines);
    boolean versionsDiffer = !oldVersion.equals(newVersion);
    if (versionsDiffer && withoutVersion(oldLines).equals(withoutVersion(newLines))) {
      return "only SOURCE_VERSION differs (" + oldVersion + " → " + newVersion
          + "): the restore migrates the data to the new version, restore needed";
    }
    int line = 0;
    while (line < oldLines.size() && line < newLines.size() && oldLines.get(line).equals(newLines.get(line))) {
      line++;
    }
    return "restore.py differs from line " + (line + 1)
        + (versionsDiffer ? " and SOURCE_VERSION changed (" + oldVersion + " → " + newVersion + ")" : "")
        + ": the database schema changed, restore needed";
  }

  private static String sourceVersion(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("SOURCE_VERSION")).findFirst()
        .map(l -> l.substring(l.indexOf('=') + 1).strip()).orElse("(none)");
  }

  private static List<String> withoutVersion(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("SOURCE_VERSION")).toList();
  }

  private static Long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return null; // verify-snapshot checked it; without it, compare as the seed says
    }
  }
}
