package org.linoconductor.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/install-conductor.sh} as an operator (and the Dockerfile) runs it on the jar {@code mvn package}
 * built: it lays the jar out with a class-data archive that Java accepts for the very line it prints, and it
 * never clears a directory that is not an installation of its own. An integration test (failsafe, after
 * {@code package}); its training start costs about 20 s, so there is one.
 */
class InstallConductorIT {

  @TempDir Path temp;

  @Test
  void installsALayoutWhoseArchiveJavaAcceptsForThePrintedLineAndSaysItIsStaleAfterAnUpgrade() throws Exception {
    Path dir = temp.resolve("opt-conductor");
    Result install = run(List.of("bin/install-conductor.sh", packagedJar().toString(), dir.toString()));
    assertThat(install.status()).as(install.out()).isZero();
    String real = dir.toRealPath().toString();
    String[] lines = install.out().strip().split("\n");
    String launch = lines[lines.length - 1].strip();
    assertThat(launch).endsWith(" @" + real + "/jvm.options -XX:SharedArchiveFile=" + real
        + "/conductor.jsa -jar " + real + "/conductor.jar");
    assertThat(Files.readString(dir.resolve("jvm.options"))).isEqualTo(Files.readString(Path.of("jvm.options")));
    assertThat(dir.resolve("lib")).isDirectory();
    assertThat(Files.size(dir.resolve("conductor.jsa"))).isPositive();

    // The printed line, asked whether it would map the archive (instead of starting Conductor).
    List<String> check = new ArrayList<>(Arrays.asList(launch.split(" ")));
    check.add(check.indexOf("-jar"), "-XX:+PrintSharedArchiveAndExit");
    assertThat(run(check).out()).contains("archive is valid");

    // An upgraded jar at the same path: Java refuses the archive (and, started, says so and runs without it).
    Files.setLastModifiedTime(dir.resolve("conductor.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(run(check).out()).contains("archive is invalid");
  }

  @Test
  void refusesADirectoryThatHoldsSomethingElseAndLeavesItAlone() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("etc"));
    Files.writeString(dir.resolve("passwd"), "root:x:0:0");
    Files.createDirectories(dir.resolve("lib"));
    Result install = run(List.of("bin/install-conductor.sh", packagedJar().toString(), dir.toString()));
    assertThat(install.status()).isEqualTo(2);
    assertThat(install.out()).contains(dir.toRealPath() + " is neither empty nor an installation of Conductor");
    try (DirectoryStream<Path> left = Files.newDirectoryStream(dir)) {
      assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("passwd", "lib");
    }
  }

  private static Path packagedJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "lino-conductor-*.jar")) {
      return jars.iterator().next().toAbsolutePath();
    }
  }

  record Result(int status, String out) {}

  private Result run(List<String> command) throws Exception {
    Path out = Files.createTempFile(temp, "out", ".txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 300 s: " + Files.readString(out));
    }
    return new Result(process.exitValue(), Files.readString(out));
  }
}
