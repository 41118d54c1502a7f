package org.linoconductor.preview;

import java.nio.file.Files;
import java.nio.file.Path;
import org.linoconductor.lino.ManagePy;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.Site;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's PART1: {@code cd $OLD; . env/bin/activate; python manage.py dump2py -o snapshot2preview},
 * in the production site with production's own code.
 *
 * <p>{@code -o} keeps the files already in snapshot2preview (Lino's dump2py only overwrites the
 * files it writes: "if options['overwrite']: pass"), so the operator's adapted restore2preview.py
 * survives the dump and no copy of it is needed. The simulation does the same, and a test proves it.
 */
@Component
class DumpProductionStep implements Step {

  private final ProductionSite production;

  DumpProductionStep(ProductionSite production) {
    this.production = production;
  }

  @Override
  public String topic() {
    return PreviewSyncProcess.Topics.DUMP_PRODUCTION;
  }

  /** It writes only production's snapshot2preview, never production's data, but a person decides on retries. */
  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site prod = production.of(context);
    ShellResult result = context.runIn(prod,
        ManagePy.argv(prod, "dump2py", "-o", PreviewSyncProcess.SNAPSHOT_DIR));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: dump2py not run in " + prod.name());
    }
    if (!result.succeeded()) {
      return StepOutcome.fromExit(result, "manage.py dump2py -o " + PreviewSyncProcess.SNAPSHOT_DIR + " in "
          + prod.name());
    }
    Path script = prod.directory().resolve(PreviewSyncProcess.RESTORE_SCRIPT_FILE);
    if (!Files.isRegularFile(script)) {
      return StepOutcome.failed("Production " + prod.name() + " has no " + script + ". The seed creates it once as"
          + " a copy of " + PreviewSyncProcess.SNAPSHOT_DIR + "/restore.py, and the operator adapts it until the"
          + " preview becomes production: create it, then retry.");
    }
    return StepOutcome.succeeded("dump2py wrote " + prod.directory().resolve(PreviewSyncProcess.SNAPSHOT_DIR)
        + "; restore2preview.py kept");
  }
}
