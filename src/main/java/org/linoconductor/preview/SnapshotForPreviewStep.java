package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.linoconductor.lino.ManagePy;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * In production: {@code python manage.py dump2py -o snapshot2preview}, then
 * {@code restore2preview.py} as a copy of its {@code restore.py} (the seed). An existing
 * restore2preview.py that differs from restore.py is kept: the operator adapts and maintains it
 * (the seed's words), and a setup must not throw that work away.
 */
@Component
class SnapshotForPreviewStep implements Step {

  static final String SNAPSHOT_DIR = "snapshot2preview";
  static final String RESTORE_SCRIPT = "restore2preview.py";

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.DUMP_PRODUCTION;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    var dump = context.run(ManagePy.argv(context.site(), "dump2py", "-o", SNAPSHOT_DIR));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: production not dumped, " + RESTORE_SCRIPT + " not created");
    }
    if (!dump.succeeded()) {
      return StepOutcome.fromExit(dump, "manage.py dump2py -o " + SNAPSHOT_DIR + " (in production)");
    }
    Path snapshot = context.site().directory().resolve(SNAPSHOT_DIR);
    Path restore = snapshot.resolve("restore.py");
    Path preview = snapshot.resolve(RESTORE_SCRIPT);
    try {
      if (!Files.isRegularFile(restore)) {
        return StepOutcome.failed("dump2py ended with exit status 0 but wrote no " + restore + ". See the log "
            + dump.logFile());
      }
      if (Files.isRegularFile(preview) && Files.mismatch(preview, restore) != -1) {
        return StepOutcome.succeeded("Dumped production to " + snapshot + "; kept the adapted " + RESTORE_SCRIPT);
      }
      Files.copy(restore, preview, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return StepOutcome.succeeded("Dumped production to " + snapshot + "; " + RESTORE_SCRIPT + " is a copy of restore.py");
  }
}
