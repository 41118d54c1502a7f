package org.linoconductor.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.step.ProgramCheck;
import org.linoconductor.step.StepContext;

/**
 * Native copies of a site's database and their way back, with the engine's own tools: SQLite's
 * online backup API (through the env's Python, isolated with {@code -I} so that no file of the
 * site directory is imported), {@code pg_dump -Fc} and {@code mysqldump --single-transaction}.
 * Every name from settings.py is one argv element after an option that takes it, a quoted value
 * of a PostgreSQL connection string, or a MySQL option-file value: never an option of its own.
 */
final class DatabaseCopier {

  private static final String SQLITE_BACKUP = """
      import sqlite3, sys, urllib.parse
      source = sqlite3.connect('file:' + urllib.parse.quote(sys.argv[1]) + '?mode=ro', uri=True)
      target = sqlite3.connect(sys.argv[2])
      source.backup(target)
      target.close()
      source.close()
      print('Copied %s to %s' % (sys.argv[1], sys.argv[2]))
      """;

  /**
   * Before a PostgreSQL copy is loaded: what the upgrade may have added goes too, as Lino's initdb
   * drops every table. Only objects of the connecting user, never those of an extension, and no
   * system schema.
   */
  static final String PG_DROP_OWNED = """
      DO $conductor$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT n.nspname FROM pg_namespace n
            WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
              AND pg_has_role(n.nspowner, 'MEMBER')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                              AND d.objid = n.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', r.nspname);
        END LOOP;
        FOR r IN SELECT c.oid::regclass::text AS name,
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                             WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname = 'public'
              AND pg_has_role(c.relowner, 'MEMBER')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('DROP %s IF EXISTS %s CASCADE', r.kind, r.name);
        END LOOP;
      END
      $conductor$;
      """;

  /** mysql's {@code source} takes the rest of the line as the file name, unquoted. */
  private static final Pattern SOURCE_PATH = Pattern.compile("/[A-Za-z0-9/._+-]+");

  private final RollbackProperties.Tools tools;

  DatabaseCopier(RollbackProperties.Tools tools) {
    this.tools = tools;
  }

  /** The file of a copy: {@code <stem>.sqlite3}, {@code .pgdump} (custom format) or {@code .sql}. */
  static String fileName(DatabaseKind kind, String stem) {
    return stem + switch (kind) {
      case SQLITE -> ".sqlite3";
      case POSTGRESQL -> ".pgdump";
      case MYSQL -> ".sql";
    };
  }

  /** Copies the live database into {@code file}; a problem, or empty. */
  Optional<String> copy(StepContext context, SiteDatabase database, Path file) {
    try (Credentials credentials = new Credentials()) {
      ShellResult result = switch (database.kind()) {
        case SQLITE -> {
          if (!context.dryRun() && !Files.isRegularFile(database.file())) {
            yield null;
          }
          yield context.run(sqliteBackup(context, database.file(), file));
        }
        case POSTGRESQL -> context.run(List.of(tools.pgDump(), "--no-password", "--format=custom",
            "--file=" + file, "--dbname=" + conninfo(database, credentials)));
        case MYSQL -> context.run(List.of(tools.mysqldump(), "--defaults-extra-file="
            + credentials.mysqlOptions(database), "--single-transaction", "--hex-blob", "--add-drop-database",
            "--result-file=" + file, "--databases", "--", database.name()));
      };
      if (result == null) {
        return Optional.of(database.describe() + " does not exist: check DATABASES['default']['NAME'] in"
            + " settings.py.");
      }
      return failure(context, result, "copying the " + database.describe());
    }
  }

  /** Loads {@code file} (a copy made by {@link #copy}) into the live database; a problem, or empty. */
  Optional<String> restore(StepContext context, SiteDatabase database, Path file) {
    try (Credentials credentials = new Credentials()) {
      return switch (database.kind()) {
        case SQLITE -> failure(context, context.run(sqliteBackup(context, file, database.file())),
            "putting back the " + database.describe());
        case POSTGRESQL -> restorePostgres(context, database, file, credentials);
        case MYSQL -> {
          if (!SOURCE_PATH.matcher(file.toString()).matches()) {
            yield Optional.of("The copy " + file + " has a path that mysql's source command cannot take (only"
                + " letters, digits and / . _ + -): set conductor.rollback.copies-dir to such a path.");
          }
          yield failure(context, context.run(List.of(tools.mysql(), "--defaults-extra-file="
              + credentials.mysqlOptions(database), "--batch", "--execute=source " + file)),
              "putting back the " + database.describe());
        }
      };
    }
  }

  /**
   * Whether the copy can be made: the programs run, and (for a server) the database answers with
   * the settings' credentials, shown by a dump of the schema to /dev/null. Changes nothing.
   */
  List<String> check(StepContext context, SiteDatabase database) {
    List<String> problems = new ArrayList<>();
    String remedy = "Install the database client tools of the server's version on this host, or set"
        + " conductor.rollback.tools to their paths.";
    try (Credentials credentials = new Credentials()) {
      switch (database.kind()) {
        case SQLITE -> {
          ProgramCheck.runs(context, List.of(python(context), "-I", "-c", "import sqlite3"),
              "The site's Python needs its sqlite3 module for the copy.").ifPresent(problems::add);
          if (!context.dryRun() && !Files.isReadable(database.file())) {
            problems.add(database.describe() + " does not exist or cannot be read: check DATABASES['default']"
                + "['NAME'] in settings.py.");
          }
        }
        case POSTGRESQL -> {
          for (String tool : List.of(tools.pgDump(), tools.pgRestore(), tools.psql())) {
            ProgramCheck.runs(context, List.of(tool, "--version"), remedy).ifPresent(problems::add);
          }
          if (problems.isEmpty()) {
            failure(context, context.run(List.of(tools.pgDump(), "--no-password", "--schema-only",
                "--file=/dev/null", "--dbname=" + conninfo(database, credentials))),
                "reading the " + database.describe()).ifPresent(problems::add);
          }
        }
        case MYSQL -> {
          for (String tool : List.of(tools.mysqldump(), tools.mysql())) {
            ProgramCheck.runs(context, List.of(tool, "--version"), remedy).ifPresent(problems::add);
          }
          if (problems.isEmpty()) {
            failure(context, context.run(List.of(tools.mysqldump(), "--defaults-extra-file="
                + credentials.mysqlOptions(database), "--single-transaction", "--no-data",
                "--result-file=/dev/null", "--databases", "--", database.name())),
                "reading the " + database.describe()).ifPresent(problems::add);
          }
        }
      }
    }
    return problems;
  }

  private Optional<String> restorePostgres(StepContext context, SiteDatabase database, Path dump,
      Credentials credentials) {
    Path sql = dump.resolveSibling(dump.getFileName() + ".restore.sql");
    try {
      ShellResult script = context.run(List.of(tools.pgRestore(), "--file=" + sql, "--", dump.toString()));
      Optional<String> problem = failure(context, script, "reading the copy " + dump);
      if (problem.isPresent()) {
        return problem;
      }
      // One transaction: the drop and the load happen together or not at all.
      return failure(context, context.run(List.of(tools.psql(), "--no-psqlrc", "--no-password", "--quiet",
          "--set=ON_ERROR_STOP=1", "--single-transaction", "--dbname=" + conninfo(database, credentials),
          "--command=" + PG_DROP_OWNED, "--file=" + sql)), "putting back the " + database.describe());
    } finally {
      try {
        Files.deleteIfExists(sql);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A libpq connection string: each value quoted, so none can add a parameter of its own. */
  static String conninfo(SiteDatabase database, Credentials credentials) {
    StringBuilder info = new StringBuilder("dbname=").append(quoted(database.name()));
    if (!database.host().isEmpty()) {
      info.append(" host=").append(quoted(database.host()));
    }
    if (!database.port().isEmpty()) {
      info.append(" port=").append(quoted(database.port()));
    }
    if (!database.user().isEmpty()) {
      info.append(" user=").append(quoted(database.user()));
    }
    if (!database.password().isEmpty()) {
      info.append(" passfile=").append(quoted(credentials.pgPassFile(database.password()).toString()));
    }
    return info.toString();
  }

  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static List<String> sqliteBackup(StepContext context, Path from, Path to) {
    return List.of(python(context), "-I", "-c", SQLITE_BACKUP, from.toString(), to.toString());
  }

  private static String python(StepContext context) {
    return context.site().directory().resolve("env/bin/python").toString();
  }

  private static Optional<String> failure(StepContext context, ShellResult result, String what) {
    if (context.dryRun() || result.succeeded()) {
      return Optional.empty();
    }
    return Optional.of((result.timedOut() ? "Timed out " : "Failed ") + what + " (exit status " + result.exitStatus()
        + "): " + ProgramCheck.lastLine(result.tail()) + ". See the log " + result.logFile());
  }
}
