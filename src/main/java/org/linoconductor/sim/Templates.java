package org.linoconductor.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Writes the files of a simulated installation from this package's resources. */
final class Templates {

  private Templates() {}

  /** The resource with every {@code {{KEY}}} replaced by its value. */
  static String render(String resource, Map<String, String> values) {
    String text = read(resource);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return text;
  }

  static void write(Path target, String text, boolean executable) {
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, text);
      if (executable) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a resource as it is (scripts that find their paths at run time). */
  static void copy(String resource, Path target, boolean executable) {
    write(target, read(resource), executable);
  }

  private static String read(String resource) {
    try (InputStream in = Templates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource + " of " + Templates.class.getPackageName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
