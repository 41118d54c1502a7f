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
    assertThat(outcome.summary()).contains("1024 KiB available").containsPattern("\\d+ KiB needed")
        .contains("KiB twice, env ");
    assertThat(SimulatedInstallation.commands(context)).contains("df -Pk " + sim.dir());
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
  void a_service_program_that_is_not_there_fails_naming_the_command_and_how_to_fix_the_registration() {
    Site site = withStop(SimulatedInstallation.site(lino.freshSite()), List.of("nosuchprogram", "apache2", "stop"));

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("nothing was stopped or changed",
        "'nosuchprogram apache2 stop' of serviceCommands.stop: program 'nosuchprogram' not found",
        "PUT or PATCH /api/sites/" + site.name());
  }

  @Test
  void a_sudo_command_must_be_allowed_without_a_password_prompt() {
    Site registered = SimulatedInstallation.site(lino.freshSite());
    List<String> fake = registered.serviceCommands().stop().get(0);
    List<String> allowed = new java.util.ArrayList<>(List.of("sudo"));
    allowed.addAll(fake);

    var passes = step.execute(lino.real(withStop(registered, allowed), step.topic()));
    var refused = step.execute(lino.real(withStop(registered, List.of("sudo", "no-such-service", "stop")),
        step.topic()));

    assertThat(passes.status()).as(passes.summary()).isEqualTo(Status.SUCCEEDED);
    assertThat(refused.status()).isEqualTo(Status.FAILED);
    assertThat(refused.summary()).contains("'sudo no-such-service stop' of serviceCommands.stop cannot run",
        "sudo -n -l said: sudo: no-such-service: command not found", "NOPASSWD");
  }

  @Test
  void a_registration_whose_database_kind_differs_from_settings_py_fails_saying_what_to_correct() {
    Site registered = SimulatedInstallation.site(lino.freshSite());
    Site site = new Site(registered.name(), registered.root(), registered.directory(), registered.state(),
        registered.serviceCommands(), org.linoconductor.site.DatabaseKind.MYSQL, false, "tester", List.of("tester"),
        null, null, false, null);

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("uses SQLite database " + site.directory().resolve("default.db"),
        "registration says MYSQL", "correct databaseKind");
  }

  private static Site withStop(Site site, List<String> stop) {
    return new Site(site.name(), site.root(), site.directory(), site.state(),
        new ServiceCommands(List.of(stop), site.serviceCommands().start(), site.serviceCommands().restartWeb()),
        site.databaseKind(), false, "tester", List.of("tester"), null, null, false, null);
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
    assertThat(SimulatedInstallation.commands(context)).contains("df -Pk " + sim.dir(),
        "which " + sim.registeredServiceCommands().stop().get(0).get(0));
  }

  @Test
  void each_program_is_looked_up_once_however_many_service_commands_name_it() {
    SimulatedSite sim = lino.freshSite();
    var context = lino.dryRun(SimulatedInstallation.site(sim), step.topic(), Map.of());
    var services = sim.registeredServiceCommands();
    long programs = java.util.stream.Stream.of(services.stop(), services.start(),
            ServiceCalls.orEmpty(services.restartWeb())).flatMap(List::stream)
        .map(argv -> argv.get(0)).distinct().count();

    step.execute(context);

    assertThat(services.stop().size() + services.start().size()).isGreaterThan((int) programs);
    assertThat(SimulatedInstallation.commands(context)).filteredOn(command -> command.startsWith("which "))
        .hasSize((int) programs);
  }
}
