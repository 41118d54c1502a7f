package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepContext;

/**
 * The site a preview-setup run makes: {@code <production's root>/<newSite>}. A directory counts
 * as the run's own only when it holds {@link #MARKER} with the run's id: nothing else is ever
 * changed or deleted by the steps that work in it.
 */
final class NewSite {

  /** Written right after the copy; its content is the id of the run that made the directory. */
  static final String MARKER = ".conductor/created-by";

  private NewSite() {}

  /** The start parameter {@code newSite}, from the run's record. */
  static String name(StepContext context) {
    return context.run().parameter(Variables.NEW_SITE)
        .orElseThrow(() -> new IllegalStateException("Run " + context.runId() + " has no " + Variables.NEW_SITE));
  }

  static Path dir(StepContext context) {
    return context.site().root().resolve(name(context));
  }

  /**
   * The new site as a {@link Site}, so that commands run in it with its own env active
   * ({@link StepContext#runIn}); not registered until register-preview.
   */
  static Site asSite(StepContext context) {
    Site production = context.site();
    return new Site(name(context), production.root(), dir(context), SiteState.PREVIEW,
        production.serviceCommands(), production.databaseKind(), production.usesElastic(), production.contact(),
        production.testers(), null, context.run().parameter(Variables.RELEASE_NOTES_URL).orElse(null),
        production.fourEyes(), null);
  }

  static Optional<String> createdBy(Path dir) {
    Path marker = dir.resolve(MARKER);
    try {
      return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isOurs(Path dir, String runId) {
    return Files.isDirectory(dir) && !Files.isSymbolicLink(dir) && createdBy(dir).filter(runId::equals).isPresent();
  }

  static void mark(Path dir, String runId) {
    try {
      Files.createDirectories(dir.resolve(MARKER).getParent());
      Files.writeString(dir.resolve(MARKER), runId + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message of a step that finds the directory missing or not made by this run. */
  static String notOurs(Path dir, String runId) {
    return "Directory " + dir + " was not made by this run (" + runId + "): no " + MARKER + " with the run's id."
        + " Nothing in it was changed. Abort the run, or check the directory by hand.";
  }
}
