package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lays out one site directory the way getlino does (make-env reads the layout from pull.sh), then
 * fills its database with demo data.
 */
final class SiteFiles {

  private SiteFiles() {}

  static void generate(SimulatedLino lino, String name, Path dir, Layout layout) {
    Path logDir = lino.base().resolve("log").resolve(name);
    Path archDir = lino.base().resolve("backups").resolve(name);
    Map<String, String> values = Map.of(
        "SITE", name,
        "SITE_DIR", dir.toString(),
        "ROOT", lino.root().toString(),
        "ARCH_DIR", archDir.toString(),
        "OLD", lino.root().resolve("prod").toString(),
        "UPGRADES_LOG", lino.base().resolve("log/upgrades.log").toString(),
        "UPDATE", layout == Layout.GIT
            ? Upstreams.REPOSITORIES.stream().map(r -> "pull " + r).collect(Collectors.joining("\n"))
            : "pip install -U " + String.join(" ", Upstreams.REPOSITORIES));
    try {
      Files.createDirectories(logDir);
      Files.createDirectories(archDir);
      Files.createDirectories(dir.resolve(".sim")); // where scenario switches go: `echo 3 > .sim/abandon`
      if (Files.notExists(logDir.resolve("lino.log"))) {  // a log dir may outlive its site
        Files.createFile(logDir.resolve("lino.log"));
      }
      Files.createSymbolicLink(dir.resolve("log"), logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String file : List.of("settings.py", "manage.py", "wsgi.py")) {
      Templates.write(dir.resolve(file), Templates.render(file, values), file.equals("manage.py"));
    }
    for (String script : List.of("make_snapshot.sh", "pull.sh", "initdb_from_prod.sh")) {
      Templates.write(dir.resolve(script), Templates.render(script, values), true);
    }
    Templates.write(dir.resolve("media/uploads/2021/03/invoice-1.pdf"), "%PDF-1.4 simulated\n", false);
    Templates.write(dir.resolve("media/uploads/2021/04/photo-2.jpg"), "simulated image\n", false);
    Templates.write(dir.resolve("media/webdav/letters/letter-3.odt"), "simulated letter\n", false);
    Commands.run(dir, List.of(lino.base().resolve("bin/make-env").toString(), dir.toString()));
    Commands.run(dir, List.of(dir.resolve("env/bin/python").toString(), "manage.py", "prep", "--noinput"));
  }
}
