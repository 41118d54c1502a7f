package org.linoconductor.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments of a demo started in the test JVM on a test's own data: its H2 file, its
 * simulated sites, logs and upgrades log under {@code data}, a random port, and no Camunda web
 * applications (they keep static state that closing this context would clear under the other test
 * contexts' feet; their REST API stays). {@link FreshDemo} starts one in a JVM of its own instead.
 */
public final class DemoInThisJvm {

  private DemoInThisJvm() {}

  /** The arguments, then {@code more} (e.g. an engine name of its own). */
  public static String[] arguments(Path data, String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("conductor") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--conductor.demo.base=" + data.resolve("demo"),
        "--conductor.steps.log-dir=" + data.resolve("logs"),
        "--conductor.preview.upgrades-log=" + data.resolve("upgrades.log"),
        "--server.port=0",
        "--camunda.bpm.webapp.enabled=false"));
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }
}
