package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code rm log; mkdir /var/log/lino/bfoo; ln -s /var/log/lino/bfoo log}: the copied
 * {@code log} link still points at production's log directory; the new one is its sibling named
 * after the new site. Done in Java (a link replaced by rename, never a window without one).
 */
@Component
class LinkLogStep implements Step {

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.LINK_LOG;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path dir = NewSite.dir(context);
    Path productionLog = context.site().directory().resolve("log");
    if (!Files.isSymbolicLink(productionLog)) {
      return StepOutcome.skipped("Production's log is no symbolic link (" + productionLog + "): the copy logs"
          + " into its own log directory already");
    }
    Path productionLogDir;
    try {
      productionLogDir = context.site().directory().resolve(Files.readSymbolicLink(productionLog)).normalize();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path logDir = productionLogDir.resolveSibling(NewSite.name(context));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: log would point to " + logDir);
    }
    if (!NewSite.isOurs(dir, context.runId())) {
      return StepOutcome.failed(NewSite.notOurs(dir, context.runId()));
    }
    Map<String, Object> variables = new HashMap<>();
    try {
      if (!Files.exists(logDir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(logDir);
        variables.put(Variables.CREATED_LOG_DIR, logDir.toString());
      }
      // Its own snapshot archive too, named as in its make_snapshot.sh after the name replacement.
      Optional<Path> archive = SnapshotArchive.of(context.site().directory())
          .map(p -> Path.of(new NameReplacement(context.site().name(), NewSite.name(context)).apply(p.toString())));
      if (archive.isPresent() && !Files.exists(archive.get(), LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(archive.get());
        variables.put(Variables.CREATED_ARCHIVE_DIR, archive.get().toString());
      }
      Path fresh = dir.resolve(".log.new");
      Files.deleteIfExists(fresh);
      Files.createSymbolicLink(fresh, logDir);
      Files.move(fresh, dir.resolve("log"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return StepOutcome.succeeded("log -> " + logDir + (variables.isEmpty() ? " (existed)" : " (created)"), variables);
  }
}
