package org.linoconductor.preview;

import java.util.ArrayList;
import java.util.List;
import org.linoconductor.site.Site;
import org.linoconductor.step.ProgramCheck;
import org.linoconductor.step.StepContext;

/**
 * The programs a sync runs, checked before it dumps or copies anything: {@code nice rsync} (with
 * {@code --version}, because a program may be found and still not run) and the Pythons of
 * production (dump2py) and of the preview (restore).
 */
final class SyncPrograms {

  static final String RSYNC_REMEDY = "Install rsync on this host (e.g. apt-get install rsync), then retry.";

  private SyncPrograms() {}

  /** Problems, empty when the sync can run; {@code preview} may not exist yet (preview-setup). */
  static List<String> check(StepContext context, Site production, Site preview) {
    List<String> problems = new ArrayList<>();
    ProgramCheck.runs(context, List.of("nice", "rsync", "--version"), RSYNC_REMEDY).ifPresent(problems::add);
    for (Site site : preview == null ? List.of(production) : List.of(production, preview)) {
      ProgramCheck.found(context, site.directory().resolve("env/bin/python").toString(),
          "The env of site " + site.name() + " is incomplete: repair it (or run pull.sh), then retry.")
          .ifPresent(problems::add);
    }
    return problems;
  }
}
