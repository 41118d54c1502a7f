package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Takes back what the run made, after refused replacements or an abort; never anything of
 * production (its {@code snapshot2preview} with restore2preview.py stays: it is production's own
 * and the seed keeps it there). Each part is removed only on proof that this run made it: the
 * directory by its marker, the registration by its preview row's run id, the rest by the variables
 * the steps set when they made them. Safe to run twice.
 */
@Component
class RemovePreviewStep implements Step {

  private final SiteRegistry sites;
  private final PreviewSites previews;
  private final PreviewProperties properties;

  RemovePreviewStep(SiteRegistry sites, PreviewSites previews, PreviewProperties properties) {
    this.sites = sites;
    this.previews = previews;
    this.properties = properties;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.REMOVE_PREVIEW;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: nothing was made, nothing removed");
    }
    String name = NewSite.name(context);
    Path root = context.site().root();
    Path dir = NewSite.dir(context);
    List<String> done = new ArrayList<>();
    List<String> left = new ArrayList<>();

    if (SiteLinks.target(root, SiteLinks.PREVIEW).filter(name::equals).isPresent()) {
      String previous = context.variable(Variables.PREVIOUS_PREVIEW, String.class).orElse("");
      if (!previous.isEmpty() && !previous.equals(name) && Files.isDirectory(root.resolve(previous))) {
        SiteLinks.point(root, SiteLinks.PREVIEW, previous);
        done.add("preview -> " + previous + " again");
      } else {
        SiteLinks.remove(root, SiteLinks.PREVIEW);
        done.add("preview link removed");
      }
    }
    Optional<String> vhost = context.variable(Variables.VHOST_FILE, String.class);
    if (vhost.isPresent() && delete(Path.of(vhost.get()))) {
      done.add("vhost " + vhost.get() + " removed");
      for (List<String> argv : context.site().serviceCommands().restartWeb()) {
        var result = context.run(argv);
        if (!result.succeeded()) {
          left.add(StepOutcome.fromExit(result, String.join(" ", argv)).summary());
        }
      }
    }
    if (previews.find(name).map(PreviewSite::createdByRun).filter(context.runId()::equals).isPresent()) {
      sites.unregister(name);
      done.add("registration removed");
    }
    Optional<String> database = context.variable(Variables.CREATED_DATABASE, String.class).filter(name::equals);
    if (database.isPresent()) {
      var kind = context.site().databaseKind();
      var admin = kind == org.linoconductor.site.DatabaseKind.POSTGRESQL
          ? properties.postgresAdmin() : properties.mysqlAdmin();
      try {
        new DatabaseCreator(kind, admin).drop(database.get());
        done.add("database " + database.get() + " dropped");
      } catch (SQLException e) {
        left.add("database " + database.get() + " could not be dropped: " + e.getMessage());
      }
    }
    for (String created : List.of(Variables.CREATED_LOG_DIR, Variables.CREATED_ARCHIVE_DIR)) {
      Optional<String> made = context.variable(created, String.class);
      if (made.isPresent() && Files.isDirectory(Path.of(made.get()), LinkOption.NOFOLLOW_LINKS)) {
        FileTrees.delete(Path.of(made.get()));
        done.add(made.get() + " removed");
      }
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (NewSite.isOurs(dir, context.runId()) && !dir.equals(context.site().directory())) {
        FileTrees.delete(dir);
        done.add(dir + " removed");
      } else {
        // Not ours (e.g. made by hand meanwhile, or the name was taken when the run started): leave it.
        done.add(dir + " left alone: not made by this run");
      }
    }
    String summary = done.isEmpty() ? "Nothing of " + name + " to remove" : String.join("; ", done);
    if (!left.isEmpty()) {
      return StepOutcome.failed(summary + ". Not done: " + String.join("; ", left));
    }
    return StepOutcome.succeeded(summary);
  }

  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
