package org.linoconductor.rollback;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.linoconductor.site.DatabaseKind;

/**
 * A site's database as its settings.py names it ({@code DATABASES['default']}). Every value is data
 * from a file the site owns: it only ever becomes one argv element, a quoted connection value or an
 * option-file value, never a shell word or an option.
 *
 * @param name the database, or for SQLite the file (absolute)
 */
public record SiteDatabase(DatabaseKind kind, String name, String user, String password, String host, String port) {

  /** Django's ENGINE for each kind (the GIS backends are the same databases). */
  static Optional<DatabaseKind> kindOf(String engine) {
    String backend = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
    if (backend.endsWith(".sqlite3") || backend.endsWith(".spatialite")) {
      return Optional.of(DatabaseKind.SQLITE);
    }
    if (backend.contains("postgresql") || backend.endsWith(".postgis")) {
      return Optional.of(DatabaseKind.POSTGRESQL);
    }
    if (backend.endsWith(".mysql")) {
      return Optional.of(DatabaseKind.MYSQL);
    }
    return Optional.empty();
  }

  /** The SQLite file. */
  Path file() {
    return Path.of(name);
  }

  /** For messages and records: never the password. */
  public String describe() {
    return switch (kind) {
      case SQLITE -> "SQLite database " + name;
      case POSTGRESQL -> "PostgreSQL database " + name + where();
      case MYSQL -> "MySQL database " + name + where();
    };
  }

  private String where() {
    return " (" + (user.isEmpty() ? "" : "user " + user + ", ") + (host.isEmpty() ? "local socket" : host)
        + (port.isEmpty() ? "" : ":" + port) + ")";
  }

  @Override
  public String toString() {
    return "SiteDatabase[" + describe() + ", password=****]";
  }
}
