package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepOutcome.Status;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;

/** The steps that are one manage.py command each: install, buildindexes, collectstatic, checkdata. */
class ManagePyStepsTest {

  private static SimulatedInstallation lino;
  private static SimulatedSite sim;
  private static Site site;

  @BeforeAll
  static void layOut() {
    lino = new SimulatedInstallation();
    sim = lino.freshSite();
    site = SimulatedInstallation.site(sim);
  }

  @Test
  void install_requirements_runs_manage_py_install_without_asking() {
    var step = new InstallRequirementsStep();
    var context = lino.real(site, step.topic());

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(SimulatedInstallation.commands(context)).containsExactly(python(sim) + " manage.py install --noinput");
  }

  @Test
  void install_requirements_fails_when_install_dies() {
    SimulatedSite broken = lino.freshSite();
    broken.enable(Scenario.TRACEBACK, "install");
    var step = new InstallRequirementsStep();

    var outcome = step.execute(lino.real(SimulatedInstallation.site(broken), step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).contains("manage.py install ended with exit status 1");
  }

  @Test
  void build_indexes_is_skipped_on_a_site_without_elastic() {
    var step = new BuildIndexesStep();
    var context = lino.real(site, step.topic(), Map.of(Variables.SCHEMA_CHANGED, true));

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.summary()).contains("does not use lino.modlib.elastic");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  @Test
  void build_indexes_runs_on_an_elastic_site_after_a_schema_change_only() {
    SimulatedSite elastic = lino.freshSite();
    elastic.installPlugin("lino.modlib.elastic");
    Site elasticSite = new Site(elastic.name(), elastic.dir().getParent(), elastic.dir(), site.state(),
        elastic.registeredServiceCommands(), site.databaseKind(), true, "tester", List.of("tester"), null, null, false, null);
    var step = new BuildIndexesStep();

    var unchanged = step.execute(lino.real(elasticSite, step.topic(), Map.of(Variables.SCHEMA_CHANGED, false)));
    var changed = step.execute(lino.real(elasticSite, step.topic(), Map.of(Variables.SCHEMA_CHANGED, true)));

    assertThat(unchanged.status()).isEqualTo(Status.SKIPPED);
    assertThat(unchanged.summary()).contains("schema did not change");
    assertThat(changed.status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void collect_static_is_skipped_when_pull_sh_changed_no_code() {
    var step = new CollectStaticStep();
    var context = lino.real(site, step.topic(), Map.of(Variables.CODE_CHANGED, false));

    var outcome = step.execute(context);

    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.summary()).contains("pull.sh changed no code");
    assertThat(SimulatedInstallation.commands(context)).isEmpty();
  }

  @Test
  void collect_static_reports_the_count_from_its_output() {
    var step = new CollectStaticStep();

    var outcome = step.execute(lino.real(site, step.topic(), Map.of(Variables.CODE_CHANGED, true)));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).matches("collectstatic: \\d+ static files copied to '.*static_root'.*");
  }

  @Test
  void check_data_reports_found_and_fixed_problems_without_failing() {
    SimulatedSite damaged = lino.freshSite();
    SimulatedInstallation.run(damaged, List.of("python3", "-c",
        "import sqlite3; db = sqlite3.connect('default.db'); db.execute('delete from contacts_partner where id = 4');"
            + " db.commit()"));
    var step = new CheckDataStep();

    var outcome = step.execute(lino.real(SimulatedInstallation.site(damaged), step.topic()));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    int found = (Integer) outcome.variables().get(Variables.CHECKDATA_FOUND);
    assertThat(found).isPositive();
    assertThat(outcome.variables()).containsEntry(Variables.CHECKDATA_FIXED, found);
    assertThat(outcome.summary()).matches("checkdata: \\d+ checks, found " + found + ", fixed " + found);
  }

  @Test
  void check_data_of_a_clean_site_finds_nothing() {
    var step = new CheckDataStep();

    var outcome = step.execute(lino.real(site, step.topic()));

    assertThat(outcome.variables()).containsEntry(Variables.CHECKDATA_FOUND, 0).containsEntry(Variables.CHECKDATA_FIXED, 0);
  }

  @Test
  void dry_runs_render_each_command_and_run_none() {
    Site elasticSite = new Site(site.name(), site.root(), site.directory(), site.state(), site.serviceCommands(),
        site.databaseKind(), true, "tester", List.of("tester"), null, null, false, null);
    var steps = List.of(new InstallRequirementsStep(), new BuildIndexesStep(), new CollectStaticStep(), new CheckDataStep());
    List<String> rendered = steps.stream().flatMap(step -> {
      var context = lino.dryRun(elasticSite, step.topic(), Map.of());
      assertThat(step.execute(context).status()).isNotEqualTo(Status.FAILED);
      return SimulatedInstallation.commands(context).stream();
    }).toList();

    assertThat(rendered).containsExactly(
        python(sim) + " manage.py install --noinput",
        python(sim) + " manage.py buildindexes",
        python(sim) + " manage.py collectstatic --noinput",
        python(sim) + " manage.py checkdata -f");
  }

  private static String python(SimulatedSite site) {
    return site.dir().resolve("env/bin/python").toString();
  }
}
