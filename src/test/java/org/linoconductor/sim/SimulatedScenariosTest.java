package org.linoconductor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.sim.SiteProcess.Result;

/** Each scenario switch makes the site fail the way LINO.md describes. */
class SimulatedScenariosTest {

  @TempDir static Path temp;
  static Fixture fixture;

  @BeforeAll
  static void layOut() {
    fixture = new Fixture(temp);
  }

  @Test
  void a_stale_snapshot_stays_and_an_empty_one_is_empty() throws Exception {
    SimulatedSite site = fixture.freshSite();
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
  void a_restore_that_migrates_abandons_objects_exits_0_and_the_objects_are_missing() {
    SimulatedSite site = fixture.freshSite();
    SiteProcess.managePy(site, "dump2py", "snapshot");
    site.enable(Scenario.ABANDON, "3");
    Result sameVersion = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");
    assertThat(sameVersion.output()).as("the code that wrote a snapshot restores it whole")
        .doesNotContain("Abandoning").contains("Loaded 225 objects");
    fixture.lino().publishRelease("21.2.6", false);
    assertThat(SiteProcess.script(site, "pull.sh").exitStatus()).isZero();

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
    SimulatedSite site = fixture.freshSite();
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
    SimulatedSite site = fixture.freshSite();
    site.enable(Scenario.HANG, "checkdata");
    Process process = SiteProcess.builder(site, site.managePy("checkdata")).start();
    List<ProcessHandle> tree = List.of();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("Still working on checkdata ... (0 s)");
      assertThat(out.readLine()).isEqualTo("Still working on checkdata ... (1 s)");
      long childPid = Long.parseLong(Fixture.read(site.dir().resolve(".sim/hang.child-pid")).trim());
      tree = process.descendants().toList();
      assertThat(tree).extracting(ProcessHandle::pid).contains(childPid);

      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);

      tree.forEach(ProcessHandle::destroyForcibly);
      ProcessHandle.of(childPid).ifPresent(child -> child.onExit().join());
      assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isEmpty();
    } finally {  // whatever failed above, leave no process behind
      tree.forEach(ProcessHandle::destroyForcibly);
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  @Test
  void a_step_that_runs_long_ends_normally() {
    SimulatedSite site = fixture.freshSite();
    site.enable(Scenario.HANG, "install 1");
    Result result = SiteProcess.managePy(site, "install", "--noinput");
    assertThat(result.output()).isEqualTo("Still working on install ... (0 s)\nNo requirements\n");
  }

  @Test
  void a_flooding_restore_prints_the_megabytes_asked_for() {
    SimulatedSite site = fixture.freshSite();
    SiteProcess.managePy(site, "dump2py", "snapshot");
    site.enable(Scenario.FLOOD, "3");
    Result restore = SiteProcess.managePy(site, "run", "snapshot/restore.py", "--noinput");
    assertThat(restore.exitStatus()).isZero();
    assertThat(restore.output().length()).isGreaterThan(3 * 1024 * 1024);
    assertThat(restore.output()).contains("Loaded 225 objects");
  }

  @Test
  void df_reports_too_little_space_when_the_disk_is_full() {
    SimulatedSite site = fixture.freshSite();
    assertThat(SiteProcess.run(site, List.of(Fixture.tool(site, "df"), "-h", ".")).output()).doesNotContain("/dev/sim");
    site.enable(Scenario.DISK_FULL, "2048");
    Result df = SiteProcess.run(site, List.of(Fixture.tool(site, "df"), "-k", "."));
    assertThat(df.output().lines().skip(1).findFirst().orElseThrow().split("\\s+")[3]).isEqualTo("2048");
    assertThat(SiteProcess.run(site, List.of(Fixture.tool(site, "df"), "-h", ".")).output()).contains(" 2M ");
  }

  @Test
  void rsync_fails_to_set_directory_times_unless_told_to_omit_them() throws Exception {
    SimulatedSite site = fixture.freshSite();
    Map<String, String> path = Map.of("PATH", site.dir().resolve("env/bin") + ":" + fixture.realRsync() + ":/usr/bin:/bin");
    site.enable(Scenario.RSYNC_DIR_TIMES, "");

    Result kept = SiteProcess.run(site, List.of(Fixture.tool(site, "rsync"), "-a", "media", "copy1"), path);
    assertThat(kept.exitStatus()).isEqualTo(23);
    assertThat(kept.output()).contains("rsync: failed to set times on \"copy1\": Operation not permitted (1)");
    assertThat(site.dir().resolve("copy1/uploads")).isDirectory();

    Result omitted = SiteProcess.run(site, List.of(Fixture.tool(site, "rsync"), "-a", "--omit-dir-times", "media", "copy2"), path);
    assertThat(omitted.exitStatus()).isZero();
  }
}
