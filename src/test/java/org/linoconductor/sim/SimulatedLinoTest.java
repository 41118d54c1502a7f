package org.linoconductor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.sim.SiteProcess.Result;

/**
 * The simulated Lino site behaves as LINO.md says, with real processes. One installation is
 * shared; each test that changes data gets its own site, and tests that publish releases get
 * their own installation, so the tests do not depend on each other's order.
 */
class SimulatedLinoTest {

  @TempDir static Path shared;
  static SimulatedLino lino;
  static SimulatedSite anna;
  private static final AtomicInteger SITES = new AtomicInteger();

  @BeforeAll
  static void layOut() {
    lino = SimulatedLino.create(shared.resolve("B"));
    anna = lino.createSite("anna");
    lino.linkProd("anna");
  }

  /** A fresh site of the shared installation, for a test that changes data or switches. */
  private static SimulatedSite freshSite() {
    return lino.createSite("site" + SITES.incrementAndGet());
  }

  /**
   * A program of the site's env/bin. ProcessBuilder looks argv[0] up in the JVM's PATH, not in
   * the child's, so activation alone does not make these the ones that run.
   */
  private static String tool(SimulatedSite site, String name) {
    return site.dir().resolve("env/bin").resolve(name).toString();
  }

  /** A directory with a stand-in for the real rsync, which is not installed here yet. */
  private static Path realRsync() {
    Path dir = shared.resolve("real-rsync");
    Templates.write(dir.resolve("rsync"), "#!/bin/bash\n"
        + "# stands for the real rsync: copies the last-but-one argument to the last\n"
        + "cp -a \"${@: -2:1}\" \"${!#}\"\n", true);
    return dir;
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file);
  }

  @Test
  void a_new_site_is_laid_out_as_getlino_does() throws Exception {
    Path dir = anna.dir();
    assertThat(dir).isEqualTo(lino.base().resolve("lino/anna"));
    for (String file : List.of("settings.py", "manage.py", "wsgi.py", "make_snapshot.sh", "pull.sh",
        "initdb_from_prod.sh", "env/bin/activate", "env/bin/pip", "default.db")) {
      assertThat(dir.resolve(file)).exists();
    }
    assertThat(Files.readSymbolicLink(dir.resolve("log"))).isEqualTo(lino.base().resolve("log/anna"));
    assertThat(dir.resolve("log/lino.log")).exists();
    assertThat(anna.archiveDir()).isDirectory();
    assertThat(Files.readSymbolicLink(lino.root().resolve("prod"))).isEqualTo(Path.of("anna"));
    assertThat(read(dir.resolve("settings.py")))
        .contains("SITE = Site(globals(), title=\"anna\"", "'NAME': '" + dir + "/default.db'");
    assertThat(read(dir.resolve("env/bin/activate"))).contains("VIRTUAL_ENV=\"" + dir.resolve("env") + "\"");
    assertThat(dir.resolve("env/bin/python").toRealPath().toString()).doesNotContain("shims");
    for (String repo : List.of("lino", "lino_xl", "lino_noi")) {
      assertThat(dir.resolve("env/repositories").resolve(repo).resolve(".git")).isDirectory();
    }
    assertThat(anna.version()).isEqualTo("21.2.5");
    assertThat(SiteProcess.run(anna, List.of(tool(anna, "pip"), "freeze")).output())
        .contains("Django==3.2.25")
        .containsPattern("-e git\\+file://" + lino.base() + "/upstream/lino@[0-9a-f]{40}#egg=lino\n");
    assertThat(SiteProcess.managePy(anna, "showdata").output().lines()).hasSizeGreaterThan(200);
  }

  @Test
  void an_installation_is_opened_again_but_never_created_twice() {
    assertThat(SimulatedLino.open(lino.base()).sites()).extracting(SimulatedSite::name).contains("anna");
    assertThat(SimulatedLino.openOrCreate(lino.base()).site("anna").dir()).isEqualTo(anna.dir());
    assertThatThrownBy(() -> SimulatedLino.create(lino.base())).hasMessageContaining("already exists");
    assertThatThrownBy(() -> lino.createSite("anna")).hasMessageContaining("Site anna already exists");
    assertThatThrownBy(() -> lino.createSite("preview")).hasMessageContaining("Not a neutral site name");
  }

  @Test
  void linking_prod_replaces_the_link() throws Exception {
    SimulatedSite site = freshSite();
    lino.linkPreview(site.name());
    lino.linkPreview("anna");
    assertThat(Files.readSymbolicLink(lino.root().resolve("preview"))).isEqualTo(Path.of("anna"));
  }

  @Test
  void make_snapshot_zips_the_dump_and_archives_the_previous_zip_under_its_own_time() throws Exception {
    SimulatedSite site = freshSite();
    Result first = SiteProcess.script(site, "make_snapshot.sh");
    assertThat(first.exitStatus()).as(first.output()).isZero();
    assertThat(first.output()).contains("Writing snapshot.zip...");
    Path zip = site.dir().resolve("snapshot.zip");
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      assertThat(zipFile.getEntry("snapshot/restore.py")).isNotNull();
      assertThat(zipFile.getEntry("snapshot/requirements.txt")).isNotNull();
      assertThat(zipFile.getEntry("settings.py")).isNotNull();
    }
    // yesterday: archives older than 60 days are deleted by the same script
    LocalDateTime then = LocalDateTime.now().minusDays(1);
    Files.setLastModifiedTime(zip, FileTime.from(then.atZone(ZoneId.systemDefault()).toInstant()));

    Result second = SiteProcess.script(site, "make_snapshot.sh");

    Path archived = site.archiveDir().resolve(then.format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmm")) + ".zip");
    assertThat(second.output()).contains("Move existing snapshot.zip to " + archived);
    assertThat(archived).exists();
    assertThat(Files.getLastModifiedTime(zip).toInstant()).isAfter(Files.getLastModifiedTime(archived).toInstant());
  }

  @Test
  void a_stale_snapshot_stays_and_an_empty_one_is_empty() throws Exception {
    SimulatedSite site = freshSite();
    SiteProcess.script(site, "make_snapshot.sh");
    Path zip = site.dir().resolve("snapshot.zip");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(zip, old);

    site.enable(Scenario.STALE_SNAPSHOT, "");
    assertThat(SiteProcess.script(site, "make_snapshot.sh").exitStatus()).isZero();
    assertThat(Files.getLastModifiedTime(zip)).isEqualTo(old);

    site.disable(Scenario.STALE_SNAPSHOT);
    site.enable(Scenario.EMPTY_SNAPSHOT, "");
    assertThat(SiteProcess.script(site, "make_snapshot.sh").exitStatus()).isZero();
    assertThat(zip).isEmptyFile();
  }

  @Test
  void make_snapshot_stops_when_the_archive_directory_is_missing() throws Exception {
    SimulatedSite site = freshSite();
    Files.delete(site.archiveDir());
    Result result = SiteProcess.script(site, "make_snapshot.sh");
    assertThat(result.exitStatus()).isEqualTo(255);
    assertThat(result.output()).contains("ARCH_DIR (" + site.archiveDir() + ") does not exist!");
  }

  @Test
  void dump2py_gives_identical_restore_scripts_for_the_same_data_and_code() throws Exception {
    assertThat(SiteProcess.managePy(anna, "dump2py", "-o", "t1").exitStatus()).isZero();
    assertThat(SiteProcess.managePy(anna, "dump2py", "-o", "t2").exitStatus()).isZero();
    assertThat(anna.dir().resolve("t1/restore.py")).hasSameBinaryContentAs(anna.dir().resolve("t2/restore.py"));
    assertThat(read(anna.dir().resolve("t1/restore.py"))).contains("SOURCE_VERSION = '21.2.5'\n");
    assertThat(anna.dir().resolve("t1/contacts_partner.py")).exists();
  }

  @Test
  void dump2py_refuses_an_existing_directory_and_does_not_know_s() {
    SiteProcess.managePy(anna, "dump2py", "-o", "existing");
    Result refused = SiteProcess.managePy(anna, "dump2py", "existing");
    assertThat(refused.exitStatus()).isEqualTo(1);
    assertThat(refused.output()).contains("CommandError: Specified output_dir " + anna.dir().resolve("existing")
        + " already exists. Delete it yourself if you dare!");

    Result os = SiteProcess.managePy(anna, "dump2py", "-os", "t");
    assertThat(os.exitStatus()).isEqualTo(2);
    assertThat(os.output()).contains("manage.py dump2py: error: argument -o/--overwrite: ignored explicit argument 's'");
  }

  @Test
  void a_restore_round_trip_keeps_the_data_and_logs_in_lino_format() throws Exception {
    SimulatedSite site = freshSite();
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
    assertThat(read(site.dir().resolve("log/lino.log")))
        .containsPattern("\\d{6}-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO \\[restore \\d+ \\d+\\] : Loaded 225 objects");
  }

  @Test
  void run_without_noinput_asks_and_exits_1_when_stdin_is_closed() {
    SimulatedSite site = freshSite();
    SiteProcess.managePy(site, "dump2py", "snapshot");
    Result result = SiteProcess.managePy(site, "run", "snapshot/restore.py");
    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(result.output()).contains("Are you sure (y/n) ?", "CommandError: User abort.");
    assertThat(SiteProcess.managePy(site, "showdata").output().lines()).hasSize(225);
  }

  @Test
  void releases_change_pip_freeze_and_only_a_schema_change_changes_restore_py() throws Exception {
    SimulatedLino own = SimulatedLino.create(shared.resolve("releases"));
    SimulatedSite site = own.createSite("berta");
    String before = SiteProcess.managePy(site, "showdata").output();
    String freezeBefore = SiteProcess.run(site, List.of(tool(site, "pip"), "freeze")).output();
    SiteProcess.script(site, "make_snapshot.sh");
    String original = read(site.dir().resolve("snapshot/restore.py"));

    own.publishRelease("21.3.1", false);
    Result pull = SiteProcess.script(site, "pull.sh");
    assertThat(pull.exitStatus()).as(pull.output()).isZero();
    assertThat(pull.output()).contains(site.dir().resolve("env/repositories/lino_xl").toString());
    assertThat(read(site.dir().resolve("env/freeze.log")))
        .contains("Run pull.sh in " + site.dir() + " (" + site.dir().resolve("env") + ")");
    assertThat(SiteProcess.run(site, List.of(tool(site, "pip"), "freeze")).output()).isNotEqualTo(freezeBefore);
    assertThat(site.version()).isEqualTo("21.3.1");
    SiteProcess.managePy(site, "dump2py", "t");
    assertThat(read(site.dir().resolve("t/restore.py")))
        .isEqualTo(original.replace("SOURCE_VERSION = '21.2.5'", "SOURCE_VERSION = '21.3.1'"));

    own.publishRelease("21.4.0", true);
    SiteProcess.script(site, "pull.sh");
    SiteProcess.managePy(site, "dump2py", "-o", "t");
    assertThat(read(site.dir().resolve("t/restore.py"))).contains("SOURCE_VERSION = '21.4.0'", "remark_21_4_0")
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
    SimulatedLino own = SimulatedLino.create(shared.resolve("migration"));
    SimulatedSite site = own.createSite("carla");
    SiteProcess.managePy(site, "dump2py", "snapshot");
    own.publishRelease("21.3.1", true);
    SiteProcess.script(site, "pull.sh");

    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");

    assertThat(restore.output()).contains("Migrating from version 21.2.5 to 21.3.1:\n"
        + "added field contacts.Partner.remark_21_3_1", "Loaded 225 objects\n");
    assertThat(SiteProcess.managePy(site, "showdata").output()).contains("remark_21_3_1=''");
  }

  @Test
  void an_abandoning_restore_exits_0_and_the_objects_are_missing() {
    SimulatedSite site = freshSite();
    SiteProcess.managePy(site, "dump2py", "snapshot");
    site.enable(Scenario.ABANDON, "3");

    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");

    assertThat(restore.exitStatus()).isZero();
    assertThat(restore.output()).contains("Failed to save Partner #148:\nTraceback (most recent call last):",
        "lino_xl.lib.countries.models.Country.DoesNotExist: Country matching query does not exist.");
    assertThat(restore.output()).contains("Abandoning with 3 unsaved instances:\n"
        + "- contacts.Partner Country matching query does not exist. (3 object(s) with primary key 148, 149, 150)\n"
        + "Loaded 222 objects\n");
    assertThat(SiteProcess.managePy(site, "showdata").output())
        .contains("id=147,").doesNotContain("id=148,", "id=149,", "id=150,");
  }

  @Test
  void a_traceback_exits_1_in_the_chosen_command() {
    SimulatedSite site = freshSite();
    site.enable(Scenario.TRACEBACK, "checkdata");
    Result result = SiteProcess.managePy(site, "checkdata", "-f");
    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(result.output()).startsWith("Traceback (most recent call last):")
        .contains("django.db.utils.OperationalError: database is locked");
    assertThat(SiteProcess.managePy(site, "collectstatic", "--noinput").exitStatus()).isZero();

    site.enable(Scenario.TRACEBACK, "pip");
    Result snapshot = SiteProcess.script(site, "make_snapshot.sh");
    assertThat(snapshot.exitStatus()).isEqualTo(1);
    assertThat(snapshot.output()).doesNotContain("Writing snapshot.zip");
  }

  @Test
  void a_hanging_step_trickles_output_and_its_child_survives_until_the_tree_is_killed() throws Exception {
    SimulatedSite site = freshSite();
    site.enable(Scenario.HANG, "checkdata");
    Process process = SiteProcess.builder(site, site.managePy("checkdata")).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("Still working on checkdata ... (0 s)");
      assertThat(out.readLine()).isEqualTo("Still working on checkdata ... (1 s)");
      long childPid = Long.parseLong(read(site.dir().resolve(".sim/hang.child-pid")).trim());
      List<ProcessHandle> tree = process.descendants().toList();
      assertThat(tree).extracting(ProcessHandle::pid).contains(childPid);

      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);

      tree.forEach(ProcessHandle::destroyForcibly);
      ProcessHandle.of(childPid).ifPresent(child -> child.onExit().join());
      assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isEmpty();
    }
  }

  @Test
  void a_step_that_runs_long_ends_normally() {
    SimulatedSite site = freshSite();
    site.enable(Scenario.HANG, "install 1");
    Result result = SiteProcess.managePy(site, "install", "--noinput");
    assertThat(result.output()).isEqualTo("Still working on install ... (0 s)\nNo requirements\n");
  }

  @Test
  void a_flooding_restore_prints_the_megabytes_asked_for() {
    SimulatedSite site = freshSite();
    SiteProcess.managePy(site, "dump2py", "snapshot");
    site.enable(Scenario.FLOOD, "3");
    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");
    assertThat(restore.exitStatus()).isZero();
    assertThat(restore.output().length()).isGreaterThan(3 * 1024 * 1024);
    assertThat(restore.output()).contains("Loaded 225 objects");
  }

  @Test
  void df_reports_too_little_space_when_the_disk_is_full() {
    SimulatedSite site = freshSite();
    assertThat(SiteProcess.run(site, List.of(tool(site, "df"), "-h", ".")).output()).doesNotContain("/dev/sim");
    site.enable(Scenario.DISK_FULL, "2048");
    Result df = SiteProcess.run(site, List.of(tool(site, "df"), "-k", "."));
    assertThat(df.output().lines().skip(1).findFirst().orElseThrow().split("\\s+")[3]).isEqualTo("2048");
    assertThat(SiteProcess.run(site, List.of(tool(site, "df"), "-h", ".")).output()).contains(" 2M ");
  }

  @Test
  void rsync_fails_to_set_directory_times_unless_told_to_omit_them() throws Exception {
    SimulatedSite site = freshSite();
    Map<String, String> path = Map.of("PATH", site.dir().resolve("env/bin") + ":" + realRsync() + ":/usr/bin:/bin");
    site.enable(Scenario.RSYNC_DIR_TIMES, "");

    Result kept = SiteProcess.run(site, List.of(tool(site, "rsync"), "-a", "media", "copy1"), path);
    assertThat(kept.exitStatus()).isEqualTo(23);
    assertThat(kept.output()).contains("rsync: failed to set times on \"copy1\": Operation not permitted (1)");
    assertThat(site.dir().resolve("copy1/uploads")).isDirectory();

    Result omitted = SiteProcess.run(site, List.of(tool(site, "rsync"), "-a", "--omit-dir-times", "media", "copy2"), path);
    assertThat(omitted.exitStatus()).isZero();
  }

  @Test
  void initdb_from_prod_mirrors_the_production_data_to_the_preview_site() throws Exception {
    SimulatedLino own = SimulatedLino.create(shared.resolve("preview"));
    SimulatedSite prod = own.createSite("dora");
    SimulatedSite preview = own.createSite("emil");
    own.linkProd("dora");
    SiteProcess.managePy(prod, "dump2py", "snapshot2preview");
    prod.enable(Scenario.ABANDON, "2");  // production data now differs from the demo data
    SiteProcess.managePy(prod, "run", "snapshot2preview/restore.py", "--noinput");
    prod.disable(Scenario.ABANDON);
    Files.copy(prod.dir().resolve("snapshot2preview/restore.py"), prod.dir().resolve("snapshot2preview/restore2preview.py"));
    assertThat(read(preview.dir().resolve("initdb_from_prod.sh")))
        .contains("OLD=" + own.root().resolve("prod"), "NEW=" + preview.dir());

    Result sync = SiteProcess.run(preview, List.of(preview.dir().resolve("initdb_from_prod.sh").toString()),
        Map.of("PATH", realRsync() + ":" + System.getenv("PATH")));

    assertThat(sync.exitStatus()).as(sync.output()).isZero();
    assertThat(sync.output()).contains("PART3 : RESTORE SNAPSHOT TO " + preview.dir(), "Loaded 223 objects");
    assertThat(SiteProcess.managePy(preview, "showdata").output())
        .isEqualTo(SiteProcess.managePy(prod, "showdata").output());
    assertThat(read(own.base().resolve("log/upgrades.log"))).contains("initdb_from_prod.sh finished");
  }

  @Test
  void fake_service_records_every_call_and_fails_when_asked() {
    Map<String, List<String>> commands = anna.serviceCommands();
    assertThat(commands).containsKeys("apache2 stop", "supervisor start", "cron restart", "nginx restart");
    assertThat(SiteProcess.run(anna, commands.get("apache2 stop")).exitStatus()).isZero();
    assertThat(lino.serviceCalls()).last().asString().matches("\\d{4}-\\d\\d-\\d\\dT\\S+ apache2 stop");

    lino.enable(Scenario.SERVICE_FAILURE, "nginx");
    try {
      Result failed = SiteProcess.run(anna, commands.get("nginx restart"));
      assertThat(failed.exitStatus()).isEqualTo(1);
      assertThat(failed.output()).contains("Job for nginx.service failed");
      assertThat(SiteProcess.run(anna, commands.get("cron start")).exitStatus()).isZero();
    } finally {
      lino.disable(Scenario.SERVICE_FAILURE);
    }
    assertThatThrownBy(() -> anna.enable(Scenario.SERVICE_FAILURE, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkdata_collectstatic_install_and_buildindexes_answer_as_lino_does() {
    SimulatedSite site = freshSite();
    assertThat(SiteProcess.managePy(site, "checkdata", "-f").output())
        .isEqualTo("Done 4 checks, found 0 and fixed 0 problems.\n");
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
