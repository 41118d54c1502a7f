package org.linoconductor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.sim.SiteProcess.Result;

/** manage.py's commands answer with Lino's messages and exit statuses. */
class SimulatedManagePyTest {

  @TempDir static Path temp;
  static Fixture fixture;

  @BeforeAll
  static void layOut() {
    fixture = new Fixture(temp);
  }

  @Test
  void dump2py_gives_identical_restore_scripts_for_the_same_data_and_code() throws Exception {
    assertThat(SiteProcess.managePy(fixture.anna(), "dump2py", "-o", "t1").exitStatus()).isZero();
    assertThat(SiteProcess.managePy(fixture.anna(), "dump2py", "-o", "t2").exitStatus()).isZero();
    assertThat(fixture.anna().dir().resolve("t1/restore.py")).hasSameBinaryContentAs(fixture.anna().dir().resolve("t2/restore.py"));
    assertThat(Fixture.read(fixture.anna().dir().resolve("t1/restore.py"))).contains("SOURCE_VERSION = '21.2.5'\n");
    assertThat(fixture.anna().dir().resolve("t1/contacts_partner.py")).exists();
  }

  @Test
  void manage_py_finds_lino_only_in_the_site_environment() {
    String bareInterpreter = fixture.lino().base().resolve("bin/python").toString();
    Result bare = SiteProcess.run(fixture.anna(), List.of(bareInterpreter, "manage.py", "showdata"));
    assertThat(bare.exitStatus()).isEqualTo(1);
    assertThat(bare.output()).contains("ModuleNotFoundError: No module named 'lino_sim'");
  }

  @Test
  void dump2py_refuses_an_existing_directory_and_does_not_know_s() {
    SiteProcess.managePy(fixture.anna(), "dump2py", "-o", "existing");
    Result refused = SiteProcess.managePy(fixture.anna(), "dump2py", "existing");
    assertThat(refused.exitStatus()).isEqualTo(1);
    assertThat(refused.output()).contains("CommandError: Specified output_dir " + fixture.anna().dir().resolve("existing")
        + " already exists. Delete it yourself if you dare!");

    Result os = SiteProcess.managePy(fixture.anna(), "dump2py", "-os", "t");
    assertThat(os.exitStatus()).isEqualTo(2);
    assertThat(os.output()).contains("manage.py dump2py: error: argument -o/--overwrite: ignored explicit argument 's'");
  }

  @Test
  void a_restore_round_trip_keeps_the_data_and_logs_in_lino_format() throws Exception {
    SimulatedSite site = fixture.freshSite();
    String before = SiteProcess.managePy(site, "showdata").output();
    SiteProcess.managePy(site, "dump2py", "snapshot");

    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");

    assertThat(restore.exitStatus()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("Execute file contacts_partner.py ...",
        "Loading 150 objects to table contacts_partner...", "Deferred Partner #9 ('Jan Jacobs') : ",
        "Trying to save 10 deferred objects.", "Saved 10 objects.",
        "Loaded 225 objects\nDone manage.py run snapshot/restore.py (PID ");
    assertThat(restore.output()).doesNotContain("No method for migrating");
    assertThat(SiteProcess.managePy(site, "showdata").output()).isEqualTo(before);
    assertThat(Fixture.read(site.dir().resolve("log/lino.log")))
        .containsPattern("\\d{6}-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO \\[restore \\d+ \\d+\\] : Loaded 225 objects");
  }

  @Test
  void run_without_noinput_asks_and_exits_1_when_stdin_is_closed() {
    SimulatedSite site = fixture.freshSite();
    SiteProcess.managePy(site, "dump2py", "snapshot");
    Result result = SiteProcess.managePy(site, "run", "snapshot/restore.py");
    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(result.output()).contains("Are you sure (y/n) ?", "CommandError: User abort.");
    assertThat(SiteProcess.managePy(site, "showdata").output().lines()).hasSize(225);
  }

  @Test
  void checkdata_collectstatic_install_and_buildindexes_answer_as_lino_does() {
    SimulatedSite site = fixture.freshSite();
    assertThat(SiteProcess.managePy(site, "checkdata", "-f").output())
        .isEqualTo("Done 6 checks, found 0 and fixed 0 problems.\n");
    Path staticRoot = site.dir().resolve("static_root");
    assertThat(SiteProcess.managePy(site, "collectstatic", "--noinput").output())
        .isEqualTo("13 static files copied to '" + staticRoot + "'.\n");
    assertThat(staticRoot.resolve("lino/release.txt")).hasContent("Lino 21.2.5");
    assertThat(SiteProcess.managePy(site, "collectstatic", "--noinput").output())
        .isEqualTo("0 static files copied to '" + staticRoot + "', 13 unmodified.\n");
    assertThat(SiteProcess.managePy(site, "install", "--noinput").output()).isEqualTo("No requirements\n");

    Result unknown = SiteProcess.managePy(site, "buildindexes");
    assertThat(unknown.exitStatus()).isEqualTo(1);
    assertThat(unknown.output()).contains("Unknown command: 'buildindexes'");
    site.installPlugin("lino.modlib.elastic");
    assertThat(SiteProcess.managePy(site, "buildindexes").output()).isEqualTo("Indexed 225 objects.\n");
  }
}
