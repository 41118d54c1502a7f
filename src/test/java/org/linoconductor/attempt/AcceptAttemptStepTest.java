package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepContexts;
import org.linoconductor.step.StepOutcome;
import org.springframework.beans.factory.annotation.Autowired;

/** The accept step alone: one PRODUCTION per root, the old one OLD first, by the user who decided. */
@ConductorProcessTest
class AcceptAttemptStepTest {

  private static final Path LOGS = Path.of("target", "attempt-step-logs");

  @Autowired AcceptAttemptStep step;
  @Autowired SiteRegistry registry;

  @Test
  void acceptRetiresTheOldProductionPromotesThePreviewAndRemovesThePreviewLink() throws IOException {
    Path root = root("acc_root1");
    site(root, "acc_old", SiteState.PRODUCTION);
    site(root, "acc_new", SiteState.PREVIEW);
    SiteLinks.point(root, SiteLinks.PREVIEW, "acc_new");

    StepOutcome outcome = step.execute(StepContexts.real(StepContexts.run(registry.require("acc_new"), "acc_old",
        null, Map.of(), false), registry.require("acc_new"), step.topic(), Map.of(Variables.DECIDED_BY, "tester"),
        LOGS));

    assertThat(outcome.status()).as(outcome.summary()).isEqualTo(StepOutcome.Status.SUCCEEDED);
    assertThat(registry.require("acc_old").state()).isEqualTo(SiteState.OLD);
    assertThat(registry.require("acc_new").state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(SiteLinks.target(root, SiteLinks.PREVIEW)).isEmpty();
    assertThat(outcome.summary()).contains("acc_new is PRODUCTION, acc_old OLD", "the preview link is removed");
  }

  @Test
  void aStateChangeTheLifeCycleForbidsChangesNeitherSite() throws IOException {
    Path root = root("acc_root2");
    site(root, "acc_old2", SiteState.PRODUCTION);
    site(root, "acc_new2", SiteState.PREVIEW);
    registry.changeState("acc_new2", SiteState.ARCHIVED); // ARCHIVED cannot become PRODUCTION

    StepOutcome outcome = step.execute(StepContexts.real(StepContexts.run(registry.require("acc_new2"), "acc_old2",
        null, Map.of(), false), registry.require("acc_new2"), step.topic(), Map.of(), LOGS));

    assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(outcome.summary()).contains("cannot go from ARCHIVED to PRODUCTION", "Neither state was changed");
    // One transaction: production did not become OLD either.
    assertThat(registry.require("acc_old2").state()).isEqualTo(SiteState.PRODUCTION);
  }

  private static Path root(String name) throws IOException {
    return Files.createDirectories(Path.of("target", "attempt-test-sites", name).toAbsolutePath());
  }

  private void site(Path root, String name, SiteState state) throws IOException {
    Files.createDirectories(root.resolve(name));
    Files.writeString(root.resolve(name).resolve("manage.py"), "# stands for a Lino site\n");
    registry.register(new SiteRequest(name, root.toString(), name, state, null, null, "tester", List.of("tester"),
        null, null, null, null), null, null);
  }
}
