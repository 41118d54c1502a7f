package org.linoconductor.preview;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code preview -> <newSite>} in the root, switched atomically (a new link, then rename over the
 * old one), remembering where it pointed before so that an abort can put it back.
 */
@Component
class SwitchPreviewLinkStep implements Step {

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.SWITCH_PREVIEW_LINK;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path root = context.site().root();
    String name = NewSite.name(context);
    Path link = root.resolve(SiteLinks.PREVIEW);
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      return StepOutcome.failed(link + " is not a symbolic link: move it away, then retry.");
    }
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + link + " would point to " + name);
    }
    // A retry keeps the target from before the run, not the one this run set.
    String previous = context.variable(Variables.PREVIOUS_PREVIEW, String.class)
        .orElseGet(() -> SiteLinks.target(root, SiteLinks.PREVIEW).orElse(""));
    if (!Files.isDirectory(NewSite.dir(context))) {
      return StepOutcome.failed(NewSite.dir(context) + " does not exist: the preview link was not changed.");
    }
    SiteLinks.point(root, SiteLinks.PREVIEW, name);
    return StepOutcome.succeeded("preview -> " + name + (previous.isEmpty() ? " (new link)" : " (was " + previous + ")"),
        Map.of(Variables.PREVIOUS_PREVIEW, previous));
  }
}
