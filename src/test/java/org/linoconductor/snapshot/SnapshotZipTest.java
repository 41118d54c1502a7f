package org.linoconductor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotZipTest {

  @TempDir Path site;
  private final Instant runStarted = Instant.now().minus(1, ChronoUnit.MINUTES);

  @Test
  void a_fresh_zip_holding_restore_py_is_good() throws IOException {
    Path zip = zip("snapshot/restore.py", "snapshot/contacts_partner.py");
    assertThat(SnapshotZip.problemWith(zip, runStarted)).isEmpty();
  }

  @Test
  void a_missing_zip_is_reported() {
    assertThat(SnapshotZip.problemWith(site.resolve("snapshot.zip"), runStarted))
        .hasValueSatisfying(p -> assertThat(p).contains("does not exist"));
  }

  @Test
  void a_zip_older_than_the_run_is_reported_as_old() throws IOException {
    Path zip = zip("snapshot/restore.py");
    Files.setLastModifiedTime(zip, FileTime.from(runStarted.minus(2, ChronoUnit.HOURS)));
    assertThat(SnapshotZip.problemWith(zip, runStarted))
        .hasValueSatisfying(p -> assertThat(p).contains("old snapshot").contains("did not replace it"));
  }

  @Test
  void an_empty_zip_file_is_reported() throws IOException {
    Path zip = Files.createFile(site.resolve("snapshot.zip"));
    assertThat(SnapshotZip.problemWith(zip, runStarted)).hasValueSatisfying(p -> assertThat(p).contains("is empty"));
  }

  @Test
  void a_file_that_is_not_a_zip_is_reported() throws IOException {
    Path zip = Files.writeString(site.resolve("snapshot.zip"), "not a zip at all");
    assertThat(SnapshotZip.problemWith(zip, runStarted))
        .hasValueSatisfying(p -> assertThat(p).contains("not a readable zip"));
  }

  @Test
  void a_zip_without_restore_py_is_reported() throws IOException {
    Path zip = zip("snapshot/contacts_partner.py");
    assertThat(SnapshotZip.problemWith(zip, runStarted))
        .hasValueSatisfying(p -> assertThat(p).contains("holds no snapshot/restore.py"));
  }

  private Path zip(String... entries) throws IOException {
    Path zip = site.resolve("snapshot.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zipOut.putNextEntry(new ZipEntry(entry));
        zipOut.write("# data\n".getBytes());
        zipOut.closeEntry();
      }
    }
    return zip;
  }
}
