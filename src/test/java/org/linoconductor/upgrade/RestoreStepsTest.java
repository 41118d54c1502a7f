package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.step.StepOutcome.Status;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;

class RestoreStepsTest {

  private static final Map<String, Object> SCHEMA_CHANGED = Map.of(Variables.SCHEMA_CHANGED, true);

  private static SimulatedInstallation lino;
  private final RestoreSnapshotStep restore = new RestoreSnapshotStep();

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
  }

  @Test
  void a_restore_loads_every_object_and_the_data_stays_the_same() {
    SimulatedSite sim = snapshotted();
    String data = lino.showdata(sim);

    var outcome = restore.execute(lino.real(SimulatedInstallation.site(sim), restore.topic(), SCHEMA_CHANGED));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).isEqualTo("Loaded 225 objects from snapshot/restore.py");
    assertThat(lino.showdata(sim)).isEqualTo(data);
  }

  @Test
  void an_unchanged_schema_skips_the_restore_with_the_comparison_as_reason() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.real(SimulatedInstallation.site(sim), restore.topic(),
        Map.of(Variables.SCHEMA_CHANGED, false, Variables.SCHEMA_COMPARISON, "restore.py is identical"));

    var outcome = restore.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.summary()).isEqualTo("Restore skipped: restore.py is identical");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  @Test
  void abandoned_objects_fail_the_restore_although_it_exits_0() {
    SimulatedSite sim = snapshotted();
    sim.enable(Scenario.ABANDON, "3");
    var context = lino.real(SimulatedInstallation.site(sim), restore.topic(), SCHEMA_CHANGED);

    var outcome = restore.execute(context);

    assertThat(org.linoconductor.step.StepContexts.results(context).get(0).exitStatus()).isZero();
    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("abandoned 3 unsaved instances (exit status 0)")
        .contains("- contacts.Partner Country matching query does not exist. (3 object(s) with primary key");
    assertThat(outcome.variables()).containsEntry(Variables.UNSAVED_INSTANCES, 3);
  }

  @Test
  void a_traceback_fails_the_restore_and_warns_of_a_half_restored_database() {
    SimulatedSite sim = snapshotted();
    sim.enable(Scenario.TRACEBACK, "run");

    var outcome = restore.execute(lino.real(SimulatedInstallation.site(sim), restore.topic(), SCHEMA_CHANGED));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("exit status 1").contains("half-restored");
  }

  @Test
  void a_dry_run_renders_the_restore_and_runs_nothing() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.dryRun(SimulatedInstallation.site(sim), restore.topic(), Map.of());

    var outcome = restore.execute(context);

    assertThat(outcome.summary()).startsWith("dry run");
    assertThat(SimulatedInstallation.commands(context))
        .containsExactly(sim.dir().resolve("env/bin/python") + " manage.py run snapshot/restore.py --noinput");
  }

  /** A site with a snapshot and newer code pulled since: its restore migrates, as in an upgrade. */
  private SimulatedSite snapshotted() {
    SimulatedSite sim = lino.freshSite();
    lino.makeSnapshot(sim);
    lino.publishRelease(false);
    lino.pull(sim);
    return sim;
  }
}
