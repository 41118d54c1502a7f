package org.linoconductor.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linoconductor.sim.SiteProcess;
import org.linoconductor.sim.Layout;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepContexts;

/** Simulated sites for the roll-back's tests, one installation per test class under {@code target/}. */
final class RollbackSites {

  private final SimulatedLino lino = SimulatedLino.create(Path.of("target", "rollback-" + UUID.randomUUID()));
  private int count;

  SimulatedSite fresh(Layout layout) {
    count++;
    return lino.withRoot("lino" + count).createSite("site" + count, layout);
  }

  Path logs() {
    return lino.base().resolve("step-logs");
  }

  static Site site(SimulatedSite sim, DatabaseKind kind) {
    return new Site(sim.name(), sim.dir().getParent(), sim.dir(), SiteState.PRODUCTION,
        sim.registeredServiceCommands(), kind, false, "tester", List.of("tester"), null, null, false, null);
  }

  StepContext context(Site site, String topic) {
    return StepContexts.real(site, topic, Map.of(), logs().resolve(UUID.randomUUID().toString()));
  }

  StepContext dryRun(Site site, String topic) {
    return StepContexts.dryRun(site, topic, Map.of(), logs().resolve(UUID.randomUUID().toString()));
  }

  /** Replaces DATABASES in settings.py by {@code databases}, Python source of a dict. */
  static void databases(SimulatedSite sim, String databases) {
    Path settings = sim.dir().resolve("settings.py");
    try {
      String text = Files.readString(settings);
      int start = text.indexOf("DATABASES = {");
      int end = text.indexOf("\n}\n", start) + 3;
      Files.writeString(settings, text.substring(0, start) + "DATABASES = " + databases + "\n" + text.substring(end));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Python string literal of any text. */
  static String py(String text) {
    StringBuilder literal = new StringBuilder("'");
    text.codePoints().forEach(c -> literal.append(c == '\'' || c == '\\' ? "\\" + (char) c : Character.toString(c)));
    return literal.append("'").toString();
  }

  /** Runs argv; its output, or an exception when it fails. */
  static String run(List<String> argv) {
    return SiteProcess.output(argv);
  }

  /** {@code sqlite3 FILE .dump}: every table, row by row. */
  static String sqliteDump(Path file) {
    return run(List.of("sqlite3", file.toString(), ".dump"));
  }

  /** Every file under {@code dir} as text, to look for what must not be there. */
  static String allText(Path dir) {
    if (!Files.exists(dir)) {
      return "";
    }
    try (var files = Files.walk(dir)) {
      StringBuilder text = new StringBuilder();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
