package org.linoconductor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.sim.SiteProcess.Result;

/**
 * The two real cases LINO.md observed on a Lino 21 site: packages pip-installed from an index (no
 * env/repositories), and a partner pointing at a place that does not exist, which every restore
 * abandons. Also what the roll-back needs of the simulation: settings read as Django answers
 * them, and collectstatic comparing modification times unless told to clear.
 */
class SimulatedLayoutsTest {

  /** Each test publishes its own releases, so each has its own installation. */
  @TempDir Path temp;

  @Test
  void a_pip_site_has_no_repositories_and_pull_sh_upgrades_its_packages_from_the_index() throws Exception {
    SimulatedLino lino = SimulatedLino.create(temp);
    SimulatedSite site = lino.createSite("carla", Layout.PIP);

    assertThat(site.layout()).isEqualTo(Layout.PIP);
    assertThat(site.dir().resolve("env/repositories")).doesNotExist();
    assertThat(site.sitePackages().resolve("lino-21.2.5.dist-info/METADATA")).content()
        .contains("Name: lino\nVersion: 21.2.5");
    assertThat(Fixture.read(site.dir().resolve("pull.sh"))).contains("pip install -U lino lino_xl lino_noi")
        .doesNotContain("\npull lino");
    assertThat(freeze(site)).isEqualTo("Django==3.2.25\nlino==21.2.5\nlino_noi==21.2.5\nlino_xl==21.2.5\n"
        + "lxml==4.9.4\npython-dateutil==2.8.2\n");
    assertThat(SiteProcess.managePy(site, "showdata").output().lines()).hasSize(225);

    lino.publishRelease("21.3.0", true);
    Result pull = SiteProcess.script(site, "pull.sh");

    assertThat(pull.exitStatus()).as(pull.output()).isZero();
    assertThat(pull.output()).contains("Collecting lino\n", "Found existing installation: lino 21.2.5",
        "Successfully installed lino-21.3.0 lino_xl-21.3.0 lino_noi-21.3.0");
    assertThat(site.version()).isEqualTo("21.3.0");
    assertThat(freeze(site)).contains("lino==21.3.0\n").doesNotContain("21.2.5");
    assertThat(site.sitePackages().resolve("lino-21.2.5.dist-info")).doesNotExist();
    assertThat(Fixture.read(site.dir().resolve("env/freeze.log"))).contains("lino==21.2.5");
    assertThat(SiteProcess.script(site, "pull.sh").output())
        .contains("Requirement already satisfied: lino in " + site.sitePackages() + " (21.3.0)");
    SiteProcess.managePy(site, "dump2py", "t");
    assertThat(Fixture.read(site.dir().resolve("t/restore.py"))).contains("SOURCE_VERSION = '21.3.0'");
  }

  @Test
  void a_git_site_freezes_its_clones_as_editable_and_its_other_packages_from_their_metadata() {
    SimulatedLino lino = SimulatedLino.create(temp);
    SimulatedSite site = lino.createSite("anna");

    assertThat(site.layout()).isEqualTo(Layout.GIT);
    assertThat(freeze(site).lines().toList()).hasSize(6).contains("Django==3.2.25", "lxml==4.9.4")
        .anyMatch(line -> line.matches("-e git\\+file://.*/upstream/lino@[0-9a-f]{40}#egg=lino"));
  }

  @Test
  void a_dangling_partner_is_abandoned_with_what_depends_on_it_by_every_restore() {
    SimulatedLino lino = SimulatedLino.create(temp);
    SimulatedSite site = lino.createSite("dora", Layout.PIP);
    site.enable(Scenario.DANGLING, "16");
    assertThat(SiteProcess.managePy(site, "showdata").output()).contains("city_id=9999, country_id='CH',"
        + " email='gerda.braun16@example.com', id=16,");
    SiteProcess.managePy(site, "dump2py", "snapshot");

    Result sameVersion = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");

    String lost = "Abandoning with 4 unsaved instances:\n"
        + "- contacts.Partner {'parent': ['Partner instance with id 16 does not exist.']}"
        + " (1 object(s) with primary key 9)\n"
        + "- contacts.Partner {'city': ['Place instance with id 9999 does not exist.']}"
        + " (1 object(s) with primary key 16)\n"
        + "- notes.Note {'partner': ['Partner instance with id 16 does not exist.']}"
        + " (1 object(s) with primary key 5)\n"
        + "- notes.Note {'partner': ['Partner instance with id 9 does not exist.']}"
        + " (1 object(s) with primary key 36)\n"
        + "Loaded 221 objects\n";
    assertThat(sameVersion.exitStatus()).isZero();
    assertThat(sameVersion.output()).contains("Deferred Partner #16 ('Gerda Braun') : {'city': ", lost);
    assertThat(SiteProcess.managePy(site, "showdata").output()).doesNotContain(", id=16, name=", ", id=9, name=")
        .doesNotContain("9999");

    lino.publishRelease("21.3.0", true);
    SiteProcess.script(site, "pull.sh");
    Result migrating = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");
    assertThat(migrating.exitStatus()).isZero();
    assertThat(migrating.output()).contains("Migrating from version 21.2.5 to 21.3.0", lost);
  }

  @Test
  void shell_c_answers_settings_as_django_does() {
    SimulatedLino lino = SimulatedLino.create(temp);
    SimulatedSite site = lino.createSite("emil");

    Result result = SiteProcess.managePy(site, "shell", "-c",
        "from django.conf import settings\nprint(settings.DATABASES['default']['ENGINE'],"
            + " settings.DATABASES['default']['NAME'])");

    assertThat(result.exitStatus()).as(result.output()).isZero();
    assertThat(result.output()).isEqualTo("django.db.backends.sqlite3 " + site.dir().resolve("default.db") + "\n");
  }

  @Test
  void collectstatic_keeps_newer_copies_of_older_files_unless_it_clears_them_first() throws Exception {
    SimulatedLino lino = SimulatedLino.create(temp);
    SimulatedSite site = lino.createSite("fritz", Layout.PIP);
    Path release = site.dir().resolve("static_root/lino/release.txt");
    SiteProcess.managePy(site, "collectstatic", "--noinput");
    // collected long ago: the new release's files are newer (times count in whole seconds)
    try (var files = Files.walk(site.dir().resolve("static_root"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
      }
    }
    Path oldCode = temp.resolve("old-lino");
    copyTree(site.sitePackages().resolve("lino"), oldCode);
    lino.publishRelease("21.3.0", false);
    SiteProcess.script(site, "pull.sh");
    SiteProcess.managePy(site, "collectstatic", "--noinput");
    assertThat(release).hasContent("Lino 21.3.0");

    // the old release's files come back with their old times, as a copy kept with cp -a brings them
    Path lib = site.sitePackages().resolve("lino");
    Files.walk(lib).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    copyTree(oldCode, lib);

    assertThat(SiteProcess.managePy(site, "collectstatic", "--noinput").output())
        .contains("0 static files copied", "13 unmodified");
    assertThat(release).as("newer copies stay").hasContent("Lino 21.3.0");
    Result clear = SiteProcess.managePy(site, "collectstatic", "--noinput", "--clear");
    assertThat(clear.output()).contains("Deleting 'lino/release.txt'\n",
        "13 static files copied to '" + site.dir().resolve("static_root") + "'.");
    assertThat(release).hasContent("Lino 21.2.5");
  }

  @Test
  void without_rsync_the_sites_rsync_exits_127_as_bash_does() {
    SimulatedLino lino = SimulatedLino.create(temp);
    SimulatedSite site = lino.createSite("gina");
    lino.enable(Scenario.NO_RSYNC, "");

    Result rsync = SiteProcess.run(site, List.of(Fixture.tool(site, "rsync"), "--version"));

    assertThat(rsync.exitStatus()).isEqualTo(127);
    assertThat(rsync.output()).contains("rsync: command not found");
  }

  private static String freeze(SimulatedSite site) {
    return SiteProcess.run(site, List.of(Fixture.tool(site, "pip"), "freeze")).output();
  }

  /** cp -a: files keep their modification times. */
  private static void copyTree(Path from, Path to) {
    Commands.run(from.getParent(), List.of("cp", "-a", from.toString(), to.toString()));
  }
}
