package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.springframework.util.unit.DataSize;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.step.StepOutcome.Status;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;

class CompareSchemaStepTest {

  private static SimulatedInstallation lino;
  private final CompareSchemaStep step = new CompareSchemaStep(new SchemaComparisonProperties(DataSize.ofBytes(0)));

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
  }

  @Test
  void without_a_release_restore_py_is_identical_and_the_restore_can_be_skipped() {
    SimulatedSite sim = snapshotted();

    var outcome = compare(sim);

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.variables()).containsEntry(Variables.SCHEMA_CHANGED, false);
    assertThat((String) outcome.variables().get(Variables.SCHEMA_COMPARISON)).contains("identical")
        .contains("restore can be skipped");
    assertThat(sim.dir().resolve(".conductor/schema-test-run")).doesNotExist();
  }

  @Test
  void a_schema_release_changes_restore_py() {
    SimulatedSite sim = snapshotted();
    lino.publishRelease(true);
    lino.pull(sim);

    var outcome = compare(sim);

    assertThat(outcome.variables()).containsEntry(Variables.SCHEMA_CHANGED, true);
    assertThat((String) outcome.variables().get(Variables.SCHEMA_COMPARISON))
        .contains("restore.py differs from line").contains("schema changed");
  }

  @Test
  void a_release_without_schema_change_still_needs_a_restore_because_of_source_version() {
    SimulatedSite sim = snapshotted();
    String oldVersion = sim.version();
    String newVersion = lino.publishRelease(false);
    lino.pull(sim);

    var outcome = compare(sim);

    assertThat(outcome.variables()).containsEntry(Variables.SCHEMA_CHANGED, true);
    assertThat((String) outcome.variables().get(Variables.SCHEMA_COMPARISON))
        .isEqualTo("only SOURCE_VERSION differs ('" + oldVersion + "' → '" + newVersion
            + "'): the restore migrates the data to the new version, restore needed");
  }

  @Test
  void a_dump_that_fails_under_the_new_code_means_restore_needed() {
    SimulatedSite sim = snapshotted();
    sim.enable(Scenario.TRACEBACK, "dump2py");

    var outcome = compare(sim);

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.variables()).containsEntry(Variables.SCHEMA_CHANGED, true)
        .containsEntry(Variables.SCHEMA_COMPARISON, "dump2py failed under the new code (exit 1): restore needed");
  }

  @Test
  void without_a_snapshot_it_fails_before_dumping() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.real(SimulatedInstallation.site(sim), step.topic());

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("snapshot/restore.py does not exist");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  @Test
  void a_dry_run_renders_the_dump_and_writes_nothing() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.dryRun(SimulatedInstallation.site(sim), step.topic(), Map.of());

    var outcome = step.execute(context);

    assertThat(outcome.variables()).containsEntry(Variables.SCHEMA_CHANGED, true);
    assertThat(SimulatedInstallation.commands(context)).containsExactly(sim.dir().resolve("env/bin/python")
        + " manage.py dump2py -o " + sim.dir().resolve(".conductor/schema-test-run"));
    assertThat(Files.exists(sim.dir().resolve(".conductor"))).isFalse();
  }

  @Test
  void a_snapshot_too_small_for_the_comparison_to_pay_off_is_restored_without_comparing() {
    SimulatedSite sim = snapshotted();
    CompareSchemaStep belowOneMegabyte = new CompareSchemaStep(new SchemaComparisonProperties(DataSize.ofMegabytes(1)));
    var context = lino.real(SimulatedInstallation.site(sim), step.topic());

    var outcome = belowOneMegabyte.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.variables()).containsEntry(Variables.SCHEMA_CHANGED, true);
    assertThat(outcome.summary()).startsWith("Compare restore.py skipped: not compared: snapshot.zip is ")
        .contains("below 1 MB", "restored without comparing");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  private SimulatedSite snapshotted() {
    SimulatedSite sim = lino.freshSite();
    lino.makeSnapshot(sim);
    return sim;
  }

  private StepOutcome compare(SimulatedSite sim) {
    return step.execute(lino.real(SimulatedInstallation.site(sim), step.topic()));
  }
}
