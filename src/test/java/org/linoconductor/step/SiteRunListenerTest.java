package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.archive.ArchiveSiteProcess;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.beans.factory.annotation.Autowired;

/** The start rules every step-running process shares, as {@link SiteRunListener} enforces them. */
@ConductorProcessTest
class SiteRunListenerTest {

  @Autowired RuntimeService runtime;
  @Autowired SiteRegistry registry;

  @Test
  void noProcessStartsOnAnArchivedSiteNotEvenOneThatAsksForNoParticularState() throws IOException {
    Path root = Files.createDirectories(Path.of("target", "listener-test-sites", "gone_root").toAbsolutePath());
    Files.createDirectories(root.resolve("gone"));
    Files.writeString(root.resolve("gone/manage.py"), "# stands for a Lino site\n");
    registry.register(new SiteRequest("gone", root.toString(), "gone", SiteState.OLD, null, null, "tester", null,
        null, null, null, null), null, null);
    Path archived = root.resolve("archive/gone");
    registry.archive("gone", archived, "operator", null);

    for (String process : List.of(SiteSnapshotProcess.KEY, ArchiveSiteProcess.KEY, ProductionUpgradeProcess.KEY)) {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(process, Map.of(StepVariables.SITE, "gone")))
          .as(process)
          .hasMessageContaining("Site gone is ARCHIVED (its directory is in " + archived + "): no process runs on an"
              + " archived site, " + process + " neither. Choose another site (see /api/sites); to use gone again,"
              + " bring its directory back by hand");
    }
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals(StepVariables.SITE, "gone").count()).isZero();
  }
}
