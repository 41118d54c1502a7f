package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.rollback.RollbackProperties;
import org.linoconductor.rollback.TestCopies;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepOutcome.Status;

class PreflightStepTest {

  private static SimulatedInstallation lino;
  private final PreflightStep step = new PreflightStep(TestCopies.siteCopies(RollbackProperties.defaults()));

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
  }

  @Test
  void a_site_with_service_commands_and_room_on_its_disk_passes() {
    var site = SimulatedInstallation.site(lino.freshSite());

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).contains("KiB free").contains("KiB needed");
  }

  @Test
  void a_full_disk_fails_with_the_free_and_the_needed_space() {
    SimulatedSite sim = lino.freshSite();
    sim.enable(Scenario.DISK_FULL, "1024");
    var context = lino.real(SimulatedInstallation.site(sim), step.topic());

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("1024 KiB available").containsPattern("\\d+ KiB needed");
    assertThat(SimulatedInstallation.commands(context)).containsExactly("df -Pk " + sim.dir());
  }

  @Test
  void a_site_without_stop_commands_fails_before_looking_at_the_disk() {
    Site registered = SimulatedInstallation.site(lino.freshSite());
    Site site = new Site(registered.name(), registered.root(), registered.directory(), registered.state(),
        new ServiceCommands(List.of(), registered.serviceCommands().start(), List.of()), registered.databaseKind(),
        false, "tester", List.of("tester"), null, null, false, null);
    var context = lino.real(site, step.topic());

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("no commands to stop and start");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  @Test
  void the_available_column_is_read_from_the_last_line_of_df() {
    assertThat(org.linoconductor.step.DiskUsage.availableKib("""
        Filesystem     1K-blocks      Used Available Use% Mounted on
        /dev/sda1      102400000  51200000  51200000  50% /
        """)).hasValue(51200000);
    assertThat(org.linoconductor.step.DiskUsage.availableKib("df: /nowhere: No such file or directory")).isEmpty();
  }

  @Test
  void a_dry_run_renders_df_and_checks_nothing() {
    SimulatedSite sim = lino.freshSite();
    sim.enable(Scenario.DISK_FULL, "1");
    var context = lino.dryRun(SimulatedInstallation.site(sim), step.topic(), Map.of());

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).startsWith("dry run");
    assertThat(SimulatedInstallation.commands(context)).containsExactly("df -Pk " + sim.dir());
  }
}
