package org.linoconductor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.sim.SiteProcess.Result;

/** The installation: layout, links, the fake service and the getlino scripts. */
class SimulatedLinoTest {

  @TempDir static Path temp;
  static Fixture fixture;

  @BeforeAll
  static void layOut() {
    fixture = new Fixture(temp);
  }

  @Test
  void a_new_site_is_laid_out_as_getlino_does() throws Exception {
    Path dir = fixture.anna().dir();
    assertThat(dir).isEqualTo(fixture.lino().base().resolve("lino/anna"));
    for (String file : List.of("settings.py", "manage.py", "wsgi.py", "make_snapshot.sh", "pull.sh",
        "initdb_from_prod.sh", "env/bin/activate", "env/bin/pip", "default.db")) {
      assertThat(dir.resolve(file)).exists();
    }
    assertThat(Files.readSymbolicLink(dir.resolve("log"))).isEqualTo(fixture.lino().base().resolve("log/anna"));
    assertThat(dir.resolve("log/lino.log")).exists();
    assertThat(fixture.anna().archiveDir()).isDirectory();
    assertThat(Files.readSymbolicLink(fixture.lino().root().resolve("prod"))).isEqualTo(Path.of("anna"));
    assertThat(Fixture.read(dir.resolve("settings.py")))
        .contains("SITE = Site(globals(), title=\"anna\"", "'NAME': '" + dir + "/default.db'");
    assertThat(Fixture.read(dir.resolve("env/bin/activate"))).contains("VIRTUAL_ENV=\"" + dir.resolve("env") + "\"");
    assertThat(dir.resolve("env/bin/python").toRealPath().toString()).doesNotContain("shims");
    for (String repo : List.of("lino", "lino_xl", "lino_noi")) {
      assertThat(dir.resolve("env/repositories").resolve(repo).resolve(".git")).isDirectory();
    }
    assertThat(fixture.anna().version()).isEqualTo("21.2.5");
    assertThat(SiteProcess.run(fixture.anna(), List.of(Fixture.tool(fixture.anna(), "pip"), "freeze")).output())
        .contains("Django==3.2.25")
        .containsPattern("-e git\\+file://" + fixture.lino().base() + "/upstream/lino@[0-9a-f]{40}#egg=lino\n");
    assertThat(SiteProcess.managePy(fixture.anna(), "showdata").output().lines()).hasSizeGreaterThan(200);
  }

  @Test
  void an_installation_is_opened_again_but_never_created_twice() {
    assertThat(SimulatedLino.open(fixture.lino().base()).sites()).extracting(SimulatedSite::name).contains("anna");
    assertThat(SimulatedLino.openOrCreate(fixture.lino().base()).site("anna").dir()).isEqualTo(fixture.anna().dir());
    assertThatThrownBy(() -> SimulatedLino.create(fixture.lino().base())).hasMessageContaining("already exists");
    assertThatThrownBy(() -> fixture.lino().createSite("anna")).hasMessageContaining("Site anna already exists");
    assertThatThrownBy(() -> fixture.lino().createSite("preview")).hasMessageContaining("Not a neutral site name");
  }

  @Test
  void linking_prod_replaces_the_link() throws Exception {
    SimulatedSite site = fixture.freshSite();
    fixture.lino().linkPreview(site.name());
    fixture.lino().linkPreview("anna");
    assertThat(Files.readSymbolicLink(fixture.lino().root().resolve("preview"))).isEqualTo(Path.of("anna"));
  }

  @Test
  void another_root_has_its_own_sites_and_links_and_shares_the_rest_of_the_installation() throws Exception {
    SimulatedLino other = fixture.lino().withRoot("lino_other");
    SimulatedSite site = other.createSite("other_site");
    other.linkProd(site.name());
    int callsBefore = fixture.lino().serviceCalls().size();

    assertThat(other.root()).isEqualTo(fixture.lino().base().resolve("lino_other"));
    assertThat(site.dir()).isEqualTo(other.root().resolve("other_site"));
    assertThat(Files.readSymbolicLink(other.root().resolve("prod"))).isEqualTo(Path.of("other_site"));
    assertThat(Files.readSymbolicLink(fixture.lino().root().resolve("prod"))).isEqualTo(Path.of("anna"));
    assertThat(Fixture.read(site.dir().resolve("initdb_from_prod.sh"))).contains("OLD=" + other.root().resolve("prod"));
    assertThat(Files.readSymbolicLink(site.dir().resolve("log")))
        .isEqualTo(fixture.lino().base().resolve("log/other_site"));
    assertThat(other.sites()).extracting(SimulatedSite::name).containsExactly("other_site");
    assertThat(fixture.lino().sites()).extracting(SimulatedSite::name).doesNotContain("other_site");
    assertThat(site.version()).isEqualTo(fixture.anna().version());
    SiteProcess.run(site, site.serviceCommands().get("cron stop"));
    assertThat(fixture.lino().serviceCalls()).hasSize(callsBefore + 1);
    assertThatThrownBy(() -> fixture.lino().withRoot("log")).hasMessageContaining("Not a root name");
  }

  @Test
  void make_snapshot_zips_the_dump_and_archives_the_previous_zip_under_its_own_time() throws Exception {
    SimulatedSite site = fixture.freshSite();
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
  void make_snapshot_stops_when_the_archive_directory_is_missing() throws Exception {
    SimulatedSite site = fixture.freshSite();
    Files.delete(site.archiveDir());
    Result result = SiteProcess.script(site, "make_snapshot.sh");
    assertThat(result.exitStatus()).isEqualTo(255);
    assertThat(result.output()).contains("ARCH_DIR (" + site.archiveDir() + ") does not exist!");
  }

  @Test
  void initdb_from_prod_mirrors_the_production_data_to_the_preview_site() throws Exception {
    SimulatedLino own = SimulatedLino.create(fixture.temp().resolve("preview"));
    SimulatedSite prod = own.createSite("dora");
    SimulatedSite preview = own.createSite("emil");
    own.linkProd("dora");
    SiteProcess.managePy(prod, "dump2py", "snapshot2preview");
    own.publishRelease("21.2.6", false);  // a restore that migrates can abandon objects
    assertThat(SiteProcess.script(prod, "pull.sh").exitStatus()).isZero();
    prod.enable(Scenario.ABANDON, "2");  // production data now differs from the demo data
    SiteProcess.managePy(prod, "run", "snapshot2preview/restore.py", "--noinput");
    prod.disable(Scenario.ABANDON);
    Files.copy(prod.dir().resolve("snapshot2preview/restore.py"), prod.dir().resolve("snapshot2preview/restore2preview.py"));
    assertThat(Fixture.read(preview.dir().resolve("initdb_from_prod.sh")))
        .contains("OLD=" + own.root().resolve("prod"), "NEW=" + preview.dir());

    Result sync = SiteProcess.run(preview, List.of(preview.dir().resolve("initdb_from_prod.sh").toString()),
        Map.of("PATH", fixture.realRsync() + ":" + System.getenv("PATH")));

    assertThat(sync.exitStatus()).as(sync.output()).isZero();
    assertThat(sync.output()).contains("PART3 : RESTORE SNAPSHOT TO " + preview.dir(), "Loaded 223 objects");
    assertThat(SiteProcess.managePy(preview, "showdata").output())
        .isEqualTo(SiteProcess.managePy(prod, "showdata").output());
    assertThat(Fixture.read(own.base().resolve("log/upgrades.log"))).contains("initdb_from_prod.sh finished");
  }

  @Test
  void fake_service_records_every_call_and_fails_when_asked() {
    Map<String, List<String>> commands = fixture.anna().serviceCommands();
    assertThat(commands).containsKeys("apache2 stop", "supervisor start", "cron restart", "nginx restart");
    assertThat(SiteProcess.run(fixture.anna(), commands.get("apache2 stop")).exitStatus()).isZero();
    assertThat(fixture.lino().serviceCalls()).last().asString().matches("\\d{4}-\\d\\d-\\d\\dT\\S+ apache2 stop");

    fixture.lino().enable(Scenario.SERVICE_FAILURE, "nginx");
    try {
      Result failed = SiteProcess.run(fixture.anna(), commands.get("nginx restart"));
      assertThat(failed.exitStatus()).isEqualTo(1);
      assertThat(failed.output()).contains("Job for nginx.service failed");
      assertThat(SiteProcess.run(fixture.anna(), commands.get("cron start")).exitStatus()).isZero();
    } finally {
      fixture.lino().disable(Scenario.SERVICE_FAILURE);
    }
    assertThatThrownBy(() -> fixture.anna().enable(Scenario.SERVICE_FAILURE, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
