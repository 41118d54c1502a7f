package org.linoconductor.preview;

import java.util.ArrayList;
import java.util.List;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.Site;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's PART2: {@code doit media; doit snapshot2preview}, where {@code doit} is
 * {@code nice rsync $OPTS $OLD/$1 $NEW/$1}. Run in the preview, so its {@code env/bin} comes first on
 * PATH for the rsync that {@code nice} starts (argv[0] is looked up in the JVM's PATH, nice's own
 * lookup in the child's).
 */
@Component
class MirrorFilesStep implements Step {

  /** The seed's OPTS, unchanged; --log-file follows with the upgrades log. */
  static final List<String> OPTIONS = List.of("-a", "--verbose", "--delete", "--delete-excluded",
      "--delete-during", "--times",
      // The seed's troubleshooting: rsync cannot set the times of directories owned by another
      // user ("failed to set times on ...: Operation not permitted (1)", exit 23).
      "--omit-dir-times");
  private static final List<String> MIRRORED = List.of("media", PreviewSyncProcess.SNAPSHOT_DIR);

  private final ProductionSite production;
  private final UpgradesLog upgradesLog;

  MirrorFilesStep(ProductionSite production, UpgradesLog upgradesLog) {
    this.production = production;
    this.upgradesLog = upgradesLog;
  }

  @Override
  public String topic() {
    return PreviewSyncProcess.Topics.MIRROR_FILES;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site prod = production.of(context);
    for (String dir : MIRRORED) {
      ShellResult result = context.run(argv(prod, context.site(), dir));
      if (!context.dryRun() && !result.succeeded()) {
        return StepOutcome.fromExit(result, "rsync of " + dir + "/ from " + prod.name());
      }
    }
    return StepOutcome.succeeded((context.dryRun() ? "dry run: rsync not run; " : "")
        + "media/ and " + PreviewSyncProcess.SNAPSHOT_DIR + "/ of " + prod.name() + " mirrored to "
        + context.site().name());
  }

  /**
   * The trailing slashes make {@code NEW/dir} a mirror of {@code OLD/dir}, which is what the seed
   * means: written without them, as in the seed, a real rsync copies into {@code NEW/dir/dir}.
   */
  private List<String> argv(Site from, Site to, String dir) {
    List<String> argv = new ArrayList<>(List.of("nice", "rsync"));
    argv.addAll(OPTIONS);
    argv.addAll(List.of("--log-file", upgradesLog.file().toString(),
        from.directory().resolve(dir) + "/", to.directory().resolve(dir) + "/"));
    return argv;
  }
}
