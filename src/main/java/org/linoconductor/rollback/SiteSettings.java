package org.linoconductor.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.linoconductor.lino.ManagePy;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.StepContext;

/**
 * Reads the site's database connection as Django sees it: {@code python manage.py shell -c CODE}
 * with the site's own env, CODE writing {@code settings.DATABASES['default']} to a file of a
 * private temporary directory. Not to the output: the password would land in the step's log. The
 * file's path enters CODE hex-encoded, so no path can break out of the Python string.
 */
final class SiteSettings {

  /** The connection, or why it could not be read. */
  record Reading(SiteDatabase database, String problem) {}

  /** What a dry run shows where the settings' values would be. */
  static final String FROM_SETTINGS = "<DATABASES['default'] of settings.py>";

  private static final String CODE = """
      import json, os
      from django.conf import settings
      d = settings.DATABASES['default']
      fd = os.open(bytes.fromhex('%s').decode(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
      with os.fdopen(fd, 'w') as f:
          json.dump({k: '' if d.get(k) is None else str(d.get(k))
                     for k in ('ENGINE', 'NAME', 'USER', 'PASSWORD', 'HOST', 'PORT')}, f)
      """;

  private SiteSettings() {}

  static Reading read(StepContext context) {
    Site site = context.site();
    Path dir = privateDir();
    try {
      Path out = dir.resolve("database.json");
      String code = CODE.formatted(HexFormat.of().formatHex(out.toString().getBytes(StandardCharsets.UTF_8)));
      ShellResult result = context.run(ManagePy.argv(site, "shell", "--command", code));
      if (context.dryRun()) {
        String name = site.databaseKind() == DatabaseKind.SQLITE
            ? site.directory().resolve("default.db").toString() : FROM_SETTINGS;
        return new Reading(new SiteDatabase(site.databaseKind(), name, "", "", "", ""), null);
      }
      if (!result.succeeded() || !Files.isRegularFile(out)) {
        return new Reading(null, "python manage.py shell could not read DATABASES['default'] of "
            + site.directory().resolve("settings.py") + " (exit status " + result.exitStatus() + "). See the log "
            + result.logFile());
      }
      return parse(site, new ObjectMapper().readTree(out.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the database settings of site " + site.name(), e);
    } finally {
      FileTrees.delete(dir);
    }
  }

  private static Reading parse(Site site, JsonNode json) {
    String engine = json.path("ENGINE").asText();
    var kind = SiteDatabase.kindOf(engine);
    if (kind.isEmpty()) {
      return new Reading(null, "settings.py of site " + site.name() + " uses the database ENGINE '" + engine
          + "', which Conductor cannot copy (SQLite, PostgreSQL and MySQL/MariaDB it can).");
    }
    String name = json.path("NAME").asText();
    if (name.isBlank()) {
      return new Reading(null, "settings.py of site " + site.name() + " names no database (DATABASES['default']"
          + "['NAME'] is empty).");
    }
    if (kind.get() == DatabaseKind.SQLITE) {
      name = site.directory().resolve(name).normalize().toString(); // Django resolves it against the working dir
    }
    return new Reading(new SiteDatabase(kind.get(), name, json.path("USER").asText(), json.path("PASSWORD").asText(),
        json.path("HOST").asText(), json.path("PORT").asText()), null);
  }

  /** A directory only this user can read (createTempDirectory makes it 0700). */
  static Path privateDir() {
    try {
      return Files.createTempDirectory("conductor-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory", e);
    }
  }
}
