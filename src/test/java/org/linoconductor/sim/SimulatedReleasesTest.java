package org.linoconductor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.sim.SiteProcess.Result;

/** Releases published upstream reach a site through pull.sh and change what dump2py and a restore do. */
class SimulatedReleasesTest {

  /** Each test publishes its own releases, so each has its own installation. */
  @TempDir Path temp;

  @Test
  void releases_change_pip_freeze_and_only_a_schema_change_changes_restore_py() throws Exception {
    SimulatedLino own = SimulatedLino.create(temp);
    SimulatedSite site = own.createSite("berta");
    String before = SiteProcess.managePy(site, "showdata").output();
    String freezeBefore = SiteProcess.run(site, List.of(Fixture.tool(site, "pip"), "freeze")).output();
    SiteProcess.script(site, "make_snapshot.sh");
    String original = Fixture.read(site.dir().resolve("snapshot/restore.py"));

    own.publishRelease("21.3.1", false);
    Result pull = SiteProcess.script(site, "pull.sh");
    assertThat(pull.exitStatus()).as(pull.output()).isZero();
    assertThat(pull.output()).contains(site.dir().resolve("env/repositories/lino_xl").toString());
    assertThat(Fixture.read(site.dir().resolve("env/freeze.log")))
        .contains("Run pull.sh in " + site.dir() + " (" + site.dir().resolve("env") + ")");
    assertThat(SiteProcess.run(site, List.of(Fixture.tool(site, "pip"), "freeze")).output()).isNotEqualTo(freezeBefore);
    assertThat(site.version()).isEqualTo("21.3.1");
    SiteProcess.managePy(site, "dump2py", "t");
    assertThat(Fixture.read(site.dir().resolve("t/restore.py")))
        .isEqualTo(original.replace("SOURCE_VERSION = '21.2.5'", "SOURCE_VERSION = '21.3.1'"));

    own.publishRelease("21.4.0", true);
    SiteProcess.script(site, "pull.sh");
    SiteProcess.managePy(site, "dump2py", "-o", "t");
    assertThat(Fixture.read(site.dir().resolve("t/restore.py"))).contains("SOURCE_VERSION = '21.4.0'", "remark_21_4_0")
        .isNotEqualTo(original.replace("21.2.5", "21.4.0"));

    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");
    assertThat(restore.exitStatus()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("No method for migrating from version 21.2.5 to 21.4.0");
    assertThat(SiteProcess.managePy(site, "showdata").output().replace(", remark_21_4_0=''", ""))
        .isEqualTo(before);

    SiteProcess.script(site, "make_snapshot.sh");
    own.publishRelease("21.5.0", false);
    SiteProcess.script(site, "pull.sh");
    assertThat(SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput").output())
        .contains("No method for migrating from version 21.4.0 to 21.5.0");
  }

  @Test
  void a_restore_migrates_with_the_migrator_of_a_schema_release() throws Exception {
    SimulatedLino own = SimulatedLino.create(temp);
    SimulatedSite site = own.createSite("carla");
    SiteProcess.managePy(site, "dump2py", "snapshot");
    own.publishRelease("21.3.1", true);
    SiteProcess.script(site, "pull.sh");

    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");

    assertThat(restore.output()).contains("Migrating from version 21.2.5 to 21.3.1:\n"
        + "added field contacts.Partner.remark_21_3_1", "Loaded 225 objects\n");
    assertThat(SiteProcess.managePy(site, "showdata").output()).contains("remark_21_3_1=''");
  }
}
