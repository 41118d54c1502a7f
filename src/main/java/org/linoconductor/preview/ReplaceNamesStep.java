package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's "replace afoo with bfoo where needed" in settings.py, manage.py, wsgi.py, pull.sh,
 * make_snapshot.sh, initdb_from_prod.sh and the installation's extra files
 * ({@link PreviewProperties#allRenameFiles()}), in Java rather than sed (no shell quoting of names).
 * Each file is read from production and written to the copy, so a retry gives the same diff.
 * The unified diff of every file goes to {@code .conductor/replacements.diff} in the new site and,
 * shortened, into the variable the review form shows.
 */
@Component
class ReplaceNamesStep implements Step {

  static final String DIFF_FILE = ".conductor/replacements.diff";
  /** Camunda keeps string variables in a 4000-character column. */
  static final int MAX_FORM_CHARS = 3800;

  private final PreviewProperties properties;

  ReplaceNamesStep(PreviewProperties properties) {
    this.properties = properties;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.REPLACE_NAMES;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    String oldName = context.site().name();
    String newName = NewSite.name(context);
    Path production = context.site().directory();
    Path dir = NewSite.dir(context);
    if (!context.dryRun() && !NewSite.isOurs(dir, context.runId())) {
      return StepOutcome.failed(NewSite.notOurs(dir, context.runId()));
    }
    NameReplacement replacement = new NameReplacement(oldName, newName);
    StringBuilder diff = new StringBuilder();
    List<String> replaced = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String file : properties.allRenameFiles()) {
      Path source = production.resolve(file).normalize();
      Path target = dir.resolve(file).normalize();
      if (!source.startsWith(production) || !target.startsWith(dir)) {
        return StepOutcome.failed("conductor.preview rename file '" + file + "' leads outside the site directory:"
            + " give paths relative to the site, without '..'.");
      }
      if (!Files.isRegularFile(source)) {
        notes.add(file + ": not in " + production + ", nothing to replace");
        continue;
      }
      if (!context.dryRun() && !insideReally(target, dir)) {
        // Writing through a link could change production's own file.
        notes.add(file + ": a symbolic link (or under one) in the copy, left as copied: replace by hand");
        continue;
      }
      String old = read(source);
      if (old == null) {
        notes.add(file + ": not a UTF-8 text file, left as copied");
        continue;
      }
      String renamed = replacement.apply(old);
      if (renamed.equals(old)) {
        notes.add(file + ": does not mention " + oldName);
        continue;
      }
      diff.append(UnifiedDiff.of(oldName + "/" + file, newName + "/" + file, old, renamed));
      replaced.add(file);
      if (!context.dryRun()) {
        write(target, renamed);
      }
    }
    String header = notes.isEmpty() ? "" : notes.stream().map(n -> "# " + n + "\n").reduce("", String::concat);
    String full = header + diff;
    Path diffFile = dir.resolve(DIFF_FILE);
    if (!context.dryRun()) {
      write(diffFile, full);
    }
    String summary = (context.dryRun() ? "dry run: would replace " : "Replaced ") + oldName + " by " + newName
        + " in " + (replaced.isEmpty() ? "no file" : String.join(", ", replaced));
    return StepOutcome.succeeded(summary, Map.of(
        Variables.REPLACEMENTS_DIFF, forForm(full, diffFile),
        Variables.REPLACEMENTS_DIFF_PATH, diffFile.toString(),
        Variables.REPLACED_FILES, String.join(", ", replaced)));
  }

  private static boolean insideReally(Path target, Path dir) {
    try {
      return !Files.exists(target) || !Files.isSymbolicLink(target)
          && target.toRealPath().startsWith(dir.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The diff as the form shows it: cut at a line end, with a note where the whole one is. */
  static String forForm(String diff, Path diffFile) {
    if (diff.length() <= MAX_FORM_CHARS) {
      return diff;
    }
    String note = "\n... (shortened: the whole diff is in " + diffFile + ")\n";
    String head = diff.substring(0, MAX_FORM_CHARS - note.length());
    int lineEnd = head.lastIndexOf('\n');
    return (lineEnd > 0 ? head.substring(0, lineEnd + 1) : head) + note;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (MalformedInputException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes into the existing file, so its permissions (pull.sh is executable) stay. */
  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
