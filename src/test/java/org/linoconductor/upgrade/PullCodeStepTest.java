package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.Site;
import org.linoconductor.site.TestDatabase;
import org.linoconductor.step.StepOutcome.Status;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;

class PullCodeStepTest {

  private static SimulatedInstallation lino;
  private CodeStateRepository codeStates;
  private PullCodeStep step;

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
  }

  @BeforeEach
  void freshDatabase() {
    codeStates = new CodeStateTable(TestDatabase.migratedH2());
    step = new PullCodeStep(codeStates);
  }

  @Test
  void a_release_changes_the_revisions_and_sets_code_changed() {
    SimulatedSite sim = lino.freshSite();
    Site site = SimulatedInstallation.site(sim);
    lino.publishRelease(false);

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).startsWith("pull.sh changed the code: lino ");
    assertThat(outcome.variables()).containsEntry(Variables.CODE_CHANGED, true);
    CodeState before = codeStates.find("test-run", Phase.BEFORE).orElseThrow();
    CodeState after = codeStates.find("test-run", Phase.AFTER).orElseThrow();
    assertThat(before.revisions()).containsOnlyKeys("lino", "lino_noi", "lino_xl");
    assertThat(after.revisions().get("lino")).isNotEqualTo(before.revisions().get("lino"))
        .isEqualTo(SimulatedInstallation.run(sim, java.util.List.of("git", "-C", "env/repositories/lino",
            "rev-parse", "HEAD")).strip());
    assertThat(after.packages()).as("from the env's metadata; the clones are the revisions")
        .containsExactly("Django==3.2.25", "lxml==4.9.4", "python-dateutil==2.8.2");
    assertThat((String) outcome.variables().get(Variables.CODE_AFTER))
        .contains("lino " + after.revisions().get("lino")).hasLineCount(3);
    assertThat((String) outcome.variables().get(Variables.CODE_BEFORE)).contains("lino " + before.revisions().get("lino"));
  }

  @Test
  void without_a_release_the_code_is_unchanged() {
    Site site = SimulatedInstallation.site(lino.freshSite());

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.variables()).containsEntry(Variables.CODE_CHANGED, false);
    assertThat(outcome.variables().get(Variables.CODE_BEFORE)).isEqualTo(outcome.variables().get(Variables.CODE_AFTER));
  }

  @Test
  void a_second_call_keeps_the_state_recorded_before_the_first() {
    Site site = SimulatedInstallation.site(lino.freshSite());
    lino.publishRelease(false);
    step.execute(lino.real(site, step.topic()));
    CodeState first = codeStates.find("test-run", Phase.BEFORE).orElseThrow();

    var retry = step.execute(lino.real(site, step.topic()));

    assertThat(codeStates.find("test-run", Phase.BEFORE)).hasValue(first);
    assertThat(retry.variables()).containsEntry(Variables.CODE_CHANGED, true);
  }

  @Test
  void a_dry_run_renders_the_reads_and_pull_sh_and_records_nothing() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.dryRun(SimulatedInstallation.site(sim), step.topic(), Map.of());

    var outcome = step.execute(context);

    assertThat(outcome.summary()).startsWith("dry run");
    assertThat(outcome.variables()).containsEntry(Variables.CODE_CHANGED, true);
    assertThat(SimulatedInstallation.commands(context)).contains(
            "git -C " + sim.dir().resolve("env/repositories/lino") + " rev-parse HEAD",
            sim.dir().resolve("pull.sh").toString())
        .as("the packages come from the env's metadata, without pip").noneMatch(c -> c.contains("pip"));
    assertThat(codeStates.find("test-run", Phase.BEFORE)).isEmpty();
  }

  @Test
  void package_names_are_read_from_every_kind_of_freeze_line() {
    assertThat(CodeState.packageName("Django==3.2.25")).isEqualTo("Django");
    assertThat(CodeState.packageName("-e git+file:///up/lino@abc#egg=lino")).isEqualTo("lino");
    assertThat(CodeState.packageName("pkg @ file:///tmp/pkg")).isEqualTo("pkg");
  }
}
