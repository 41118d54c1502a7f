package org.linoconductor.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Run by {@link HugeOutputTest} in a JVM with a small heap: one 300 MB line through the runner. */
public final class HugeLineProbe {

  private HugeLineProbe() {}

  public static void main(String[] args) throws Exception {
    Path site = Files.createDirectories(Path.of(args[0]));
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults().withSecrets(List.of("hunter22")));
    ShellResult result = runner.run(ShellCommand.builder("anna", "huge-line")
        .argv("bash", "-c", "head -c " + HugeOutputTest.SIZE + " /dev/zero | tr '\\0' x")
        .workingDirectory(site).timeout(Duration.ofMinutes(2)).logFile(site.resolve("huge-line.log"))
        .matcher(LineMatcher.of("x", "^x+")).build());
    long logSize = Files.size(result.logFile());
    boolean ok = result.succeeded() && logSize > HugeOutputTest.SIZE
        && result.tail().length() < 4096 + 20 && result.fact("x").size() == 1;
    Runtime runtime = Runtime.getRuntime();
    System.out.println("PROBE " + (ok ? "ok" : "FAILED") + ": log " + logSize + " bytes, tail "
        + result.tail().length() + " chars, max heap " + runtime.maxMemory() / (1024 * 1024) + " MB");
  }
}
