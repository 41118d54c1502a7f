package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.Scenario;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepOutcome.Status;

class ServiceStepsTest {

  private static SimulatedInstallation lino;
  private static Site site;
  private final StopServicesStep stop = new StopServicesStep();
  private final StartServicesStep start = new StartServicesStep();

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
    site = SimulatedInstallation.site(lino.freshSite());
  }

  @AfterEach
  void servicesWorkAgain() {
    lino.lino().disable(Scenario.SERVICE_FAILURE);
  }

  @Test
  void stop_then_start_call_the_services_in_the_seeds_order_and_restart_nginx_last() {
    int before = lino.lino().serviceCalls().size();

    var stopped = stop.execute(lino.real(site, stop.topic()));
    var started = start.execute(lino.real(site, start.topic()));

    assertThat(stopped.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(stopped.summary()).startsWith("Stopped: ").contains("apache2 stop", "supervisor stop", "cron stop");
    assertThat(started.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(calls(before)).containsExactly("apache2 stop", "supervisor stop", "cron stop",
        "apache2 start", "supervisor start", "cron start", "nginx restart");
  }

  @Test
  void a_failing_service_stops_the_step_and_names_the_command_and_what_ran_before() {
    lino.lino().enable(Scenario.SERVICE_FAILURE, "supervisor stop");
    int before = lino.lino().serviceCalls().size();

    var outcome = stop.execute(lino.real(site, stop.topic()));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("supervisor stop' ended with exit status 1")
        .contains("already done: ").contains("apache2 stop");
    assertThat(calls(before)).containsExactly("apache2 stop", "supervisor stop");
  }

  @Test
  void a_dry_run_renders_every_service_command_and_calls_none() {
    int before = lino.lino().serviceCalls().size();
    var stopContext = lino.dryRun(site, stop.topic(), Map.of());
    var startContext = lino.dryRun(site, start.topic(), Map.of());

    stop.execute(stopContext);
    var outcome = start.execute(startContext);

    assertThat(outcome.summary()).startsWith("dry run");
    assertThat(SimulatedInstallation.commands(stopContext)).hasSize(3).allMatch(c -> c.endsWith(" stop"));
    assertThat(SimulatedInstallation.commands(startContext)).hasSize(4).last().asString().endsWith("nginx restart");
    assertThat(calls(before)).isEmpty();
  }

  /** The arguments of the service calls since {@code from}, without their timestamps. */
  private static List<String> calls(int from) {
    List<String> all = lino.lino().serviceCalls();
    return all.subList(from, all.size()).stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
  }
}
