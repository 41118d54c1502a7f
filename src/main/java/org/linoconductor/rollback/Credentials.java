package org.linoconductor.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.linoconductor.step.FileTrees;

/**
 * The database password in files only the database programs read: a PostgreSQL password file
 * (named in the connection string) and a MySQL option file ({@code --defaults-extra-file}), mode
 * 0600 in a private temporary directory that {@link #close()} deletes. Never an argument (visible
 * in the process list and the step's records) and never an environment variable (shown in the
 * step's log header).
 */
final class Credentials implements AutoCloseable {

  private final Path dir = SiteSettings.privateDir();

  /** A pgpass file matching any server, database and user: {@code *:*:*:*:password}. */
  Path pgPassFile(String password) {
    return write("pgpass", "*:*:*:*:" + password.replace("\\", "\\\\").replace(":", "\\:") + "\n");
  }

  /** A [client] option file with what settings.py gives: user, password, host, port. */
  Path mysqlOptions(SiteDatabase database) {
    StringBuilder options = new StringBuilder("[client]\n");
    option(options, "user", database.user());
    option(options, "password", database.password());
    option(options, "host", database.host());
    option(options, "port", database.port());
    return write("my.cnf", options.toString());
  }

  private static void option(StringBuilder options, String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    if (value.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("The " + key + " of the database in settings.py holds a control character,"
          + " which a MySQL option file cannot take");
    }
    options.append(key).append("=\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
  }

  private Path write(String name, String content) {
    try {
      Path file = Files.createFile(dir.resolve(name),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + name + " in " + dir, e);
    }
  }

  @Override
  public void close() {
    FileTrees.delete(dir);
  }
}
