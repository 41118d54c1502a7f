package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linoconductor.TestLino;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteState;
import org.linoconductor.site.TestDatabase;
import org.linoconductor.step.StepContexts;
import org.linoconductor.step.StepOutcome;
import org.springframework.util.unit.DataSize;

/** The df check before cp -a, against a simulated site whose df can report a full disk. */
class CheckSpaceStepTest {

  @Test
  void aFullDiskIsRefusedWithTheNumbersAndEnoughSpacePasses() {
    SimulatedSite sim = TestLino.installation().createSite("space_" + Long.toHexString(System.nanoTime() & 0xffffff));
    Site production = new Site(sim.name(), sim.dir().getParent(), sim.dir(), SiteState.PRODUCTION,
        sim.registeredServiceCommands(), DatabaseKind.SQLITE, false, "tester", List.of(), null, null, false, null);
    CheckSpaceStep step = new CheckSpaceStep(new PreviewProperties(java.nio.file.Path.of("upgrades.log"), "0 0 2 * * ?", 2,
        List.of("{root}/../bin/make-env", "{site}"), List.of("settings.py"), List.of(),
        DataSize.ofMegabytes(1), PreviewProperties.WebServer.NGINX, Path.of("target/vhosts"), "{site}.example.org",
        null, null), TestDatabase.registry(TestDatabase.migratedH2()));
    var run = StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "space_copy"), false);
    Path logs = Path.of("target", "check-space-" + UUID.randomUUID());

    sim.enable(Scenario.DISK_FULL, "1024");
    StepOutcome full = step.execute(StepContexts.real(run, production, step.topic(), Map.of(), logs));
    sim.disable(Scenario.DISK_FULL);
    StepOutcome fine = step.execute(StepContexts.real(run, production, step.topic(), Map.of(), logs));

    assertThat(full.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(full.summary()).startsWith("Not enough free disk space to copy site " + sim.name() + ": 1024 KiB available")
        .contains("plus a margin of 1024 KiB").contains("Free some space, then retry.");
    assertThat(fine.status()).as(fine.summary()).isEqualTo(StepOutcome.Status.SUCCEEDED);
  }

  /** LINO.md: without rsync, setup copied the site and then stranded in its first sync with exit status 127. */
  @Test
  void withoutRsyncTheSetupFailsBeforeCopyingAndSaysWhatToInstall() {
    SimulatedLino own = SimulatedLino.create(Path.of("target", "no-rsync-" + UUID.randomUUID()));
    SimulatedSite sim = own.createSite("norsync");
    own.enable(Scenario.NO_RSYNC, "");
    Site production = new Site(sim.name(), sim.dir().getParent(), sim.dir(), SiteState.PRODUCTION,
        sim.registeredServiceCommands(), DatabaseKind.SQLITE, false, "tester", List.of(), null, null, false, null);
    CheckSpaceStep step = new CheckSpaceStep(properties(List.of("{root}/../bin/make-env", "{site}")),
        TestDatabase.registry(TestDatabase.migratedH2()));

    var run = StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "norsync_copy"), false);
    StepOutcome refused = step.execute(StepContexts.real(run, production, step.topic(), Map.of(),
        Path.of("target", "check-space-" + UUID.randomUUID())));

    assertThat(refused.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(refused.summary()).startsWith("The preview cannot be set up on this host; nothing was copied.")
        .contains("'nice rsync --version' ended with exit status 127", "rsync: command not found",
            "Install rsync on this host");
    assertThat(sim.dir().resolveSibling("norsync_copy")).doesNotExist();
  }

  @Test
  void aMissingEnvCommandIsRefusedBeforeCopying() {
    SimulatedSite sim = TestLino.installation().createSite("envcmd_" + Long.toHexString(System.nanoTime() & 0xffffff));
    Site production = new Site(sim.name(), sim.dir().getParent(), sim.dir(), SiteState.PRODUCTION,
        sim.registeredServiceCommands(), DatabaseKind.SQLITE, false, "tester", List.of(), null, null, false, null);
    CheckSpaceStep step = new CheckSpaceStep(properties(List.of("/opt/nowhere/virtualenv", "env")),
        TestDatabase.registry(TestDatabase.migratedH2()));

    var run = StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "envcmd_copy"), false);
    StepOutcome refused = step.execute(StepContexts.real(run, production, step.topic(), Map.of(),
        Path.of("target", "check-space-" + UUID.randomUUID())));

    assertThat(refused.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(refused.summary()).contains("program '/opt/nowhere/virtualenv' not found",
        "conductor.preview.make-env-command");
  }

  private static PreviewProperties properties(List<String> makeEnv) {
    return new PreviewProperties(Path.of("upgrades.log"), "0 0 2 * * ?", 2, makeEnv, List.of("settings.py"),
        List.of(), DataSize.ofMegabytes(1), PreviewProperties.WebServer.NGINX, Path.of("target/vhosts"),
        "{site}.example.org", null, null);
  }
}
