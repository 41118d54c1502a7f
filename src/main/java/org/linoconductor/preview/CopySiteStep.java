package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code cp -a afoo bfoo}. The new directory is made and marked as this run's before
 * the copy ({@code cp -a afoo/. bfoo/}), so that a copy that fails half-way can be retried or
 * removed by this run, and nothing else ever is. The marker is written again after the copy: a
 * production that was itself once a preview carries the marker of the run that made it.
 */
@Component
class CopySiteStep implements Step {

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.COPY_SITE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path source = context.site().directory();
    Path target = NewSite.dir(context);
    List<String> argv = List.of("cp", "-a", source + "/.", target + "/");
    if (context.dryRun()) {
      context.run(context.site().root(), argv);
      return StepOutcome.succeeded("dry run: " + source + " not copied");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!NewSite.isOurs(target, context.runId())) {
        return StepOutcome.failed(target + " exists and was not made by this run: choose another name for the"
            + " new site (nothing was copied).");
      }
      FileTrees.delete(target); // a copy of this run that failed half-way: start it afresh
    }
    try {
      Files.createDirectory(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NewSite.mark(target, context.runId());
    var copy = context.run(context.site().root(), argv);
    NewSite.mark(target, context.runId());
    if (!copy.succeeded()) {
      return StepOutcome.failed(StepOutcome.fromExit(copy, "cp -a " + source + " " + target).summary()
          + " The partial copy stays until a retry (which copies afresh) or an abort (which removes it).");
    }
    return StepOutcome.succeeded("Copied " + source + " to " + target);
  }
}
