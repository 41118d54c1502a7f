package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.linoconductor.site.SiteDirectories.request;
import static org.linoconductor.site.SiteDirectories.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class SiteRegistryTest {

  @TempDir Path root;

  private final JdbcTemplate jdbc = TestDatabase.migratedH2();
  private final SiteRegistry registry = TestDatabase.registry(jdbc);

  @Test
  void aRegisteredSiteReadsBackAsItWasRegistered() {
    site(root, "anna");
    ServiceCommands commands = new ServiceCommands(
        List.of(List.of("sudo", "service", "apache2", "stop"), List.of("sudo", "service", "cron", "stop")),
        List.of(List.of("sudo", "service", "cron", "start"), List.of("sudo", "service", "apache2", "start")),
        List.of(List.of("sudo", "systemctl", "reload", "nginx")));

    Site registered = registry.register(new SiteRequest("anna", root.toString(), "anna",
        SiteState.PREVIEW, DatabaseKind.POSTGRESQL, true, "anna_owner", List.of("tester", "berta"),
        "https://anna.example.org", "https://anna.example.org/news", commands, true), null, null);

    assertThat(registry.require("anna")).isEqualTo(registered);
    Site read = registry.find("anna").orElseThrow();
    assertThat(read.directory()).isEqualTo(root.resolve("anna"));
    assertThat(read.serviceCommands()).isEqualTo(commands);
    assertThat(read.testers()).containsExactly("berta", "tester");
    assertThat(read.usesElastic()).isTrue();
    assertThat(read.fourEyes()).isTrue();
    assertThat(registry.all()).containsExactly(read);
  }

  @Test
  void allListsTheSitesByName() {
    site(root, "berta");
    site(root, "anna");
    registry.register(request("berta", root, "berta", SiteState.PREVIEW), null, null);
    registry.register(request("anna", root, "anna"), null, null);

    assertThat(registry.all()).extracting(Site::name).containsExactly("anna", "berta");
    assertThat(registry.all()).extracting(Site::fourEyes).as("the four-eyes rule is asked for").containsOnly(false);
  }

  @Test
  void aSecondRegistrationOfTheSameNameIsAConflictAndChangesNothing() {
    site(root, "anna");
    registry.register(request("anna", root, "anna"), null, null);

    assertThatThrownBy(() -> registry.register(request("anna", root, "anna"), null, null))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("'anna' is already registered");
    assertThat(jdbc.queryForObject("select count(*) from site_tester", Integer.class)).isEqualTo(1);
  }

  @Test
  void anInvalidRequestLeavesNoTrace() {
    assertThatThrownBy(() -> registry.register(request("prod", root, "prod"), null, null))
        .isInstanceOf(InvalidSiteException.class);
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void anUnknownSiteIsNamedWithWhereToRegisterIt() {
    assertThat(registry.find("zora")).isEmpty();
    assertThatThrownBy(() -> registry.require("zora"))
        .isInstanceOf(UnknownSiteException.class)
        .hasMessage("Unknown site 'zora': register it under /api/sites or in the sites YAML");
  }

  @Test
  void aSiteMovesAlongItsLifeCycleAndNotBackwards() {
    site(root, "anna");
    registry.register(new SiteRequest("anna", root.toString(), "anna", SiteState.PREVIEW, null,
        null, "anna_owner", null, null, null, null, null), null, null);

    assertThat(registry.changeState("anna", SiteState.PRODUCTION).state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(registry.require("anna").state()).isEqualTo(SiteState.PRODUCTION);
    assertThatThrownBy(() -> registry.changeState("anna", SiteState.PREVIEW))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("cannot go from PRODUCTION to PREVIEW");
    assertThatThrownBy(() -> registry.changeState("zora", SiteState.OLD))
        .isInstanceOf(UnknownSiteException.class);
  }

  @Test
  void aRootHasOneProductionSiteAndASecondIsRefusedNamingTheFirst() {
    site(root, "anna");
    site(root, "berta");
    registry.register(request("anna", root, "anna"), "operator", null);

    assertThatThrownBy(() -> registry.register(request("berta", root, "berta"), "operator", null))
        .isInstanceOf(SiteConflictException.class)
        .hasMessage("Site 'berta' cannot be registered as PRODUCTION: site 'anna' is the PRODUCTION site of the"
            + " root " + root + " (the site its prod link serves), and a root has only one. Register berta as"
            + " PREVIEW or OLD, or in a root of its own.")
        .extracting("field").isEqualTo("state");
    assertThat(registry.find("berta")).isEmpty();
    assertThat(registry.history("berta")).isEmpty();

    Path otherRoot = root.resolve("other_root");
    site(otherRoot, "carla");
    assertThat(registry.register(request("carla", otherRoot, "carla"), "operator", null).state())
        .isEqualTo(SiteState.PRODUCTION);
  }

  @Test
  void theNewProductionTakesOverOnlyAfterTheOldOneIsOldAndNeitherMayComeBackWhileTheOtherIsProduction() {
    site(root, "anna");
    site(root, "berta");
    registry.register(request("anna", root, "anna"), null, null);
    registry.register(request("berta", root, "berta", SiteState.PREVIEW), null, null);

    assertThatThrownBy(() -> registry.changeState("berta", SiteState.PRODUCTION, "tester", "run-1"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("Site 'berta' cannot become PRODUCTION: site 'anna' is the PRODUCTION site of the root")
        .hasMessageContaining("Make that site OLD first: accepting an upgrade attempt does both in one step.");
    assertThat(registry.require("berta").state()).isEqualTo(SiteState.PREVIEW);
    assertThat(registry.stateChangesInRun("run-1")).isEmpty();

    // The order an accepted attempt uses: the rule holds after each change.
    registry.changeState("anna", SiteState.OLD, "tester", "run-2");
    registry.changeState("berta", SiteState.PRODUCTION, "tester", "run-2");

    assertThatThrownBy(() -> registry.changeState("anna", SiteState.PRODUCTION))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("site 'berta' is the PRODUCTION site of the root " + root);
    registry.changeState("berta", SiteState.OLD);
    assertThat(registry.changeState("anna", SiteState.PRODUCTION).state()).isEqualTo(SiteState.PRODUCTION);
  }

  @Test
  void theRegistrationIsTheFirstEntryOfASitesHistoryAndEveryChangeFollowsWithWhoWhenAndRun() {
    site(root, "anna");
    site(root, "berta");
    Instant before = Instant.now();
    registry.register(request("anna", root, "anna", SiteState.PREVIEW), "operator", null);
    registry.register(request("berta", root, "berta", SiteState.OLD), SiteSeeder.SEED_FILE, null);
    registry.changeState("anna", SiteState.PRODUCTION, "tester", "run-7");

    assertThat(registry.history("anna")).extracting(SiteStateChange::from, SiteStateChange::to,
        SiteStateChange::changedBy, SiteStateChange::run).containsExactly(
            tuple(null, SiteState.PREVIEW, "operator", null),
            tuple(SiteState.PREVIEW, SiteState.PRODUCTION, "tester", "run-7"));
    assertThat(registry.history("anna")).allSatisfy(change ->
        assertThat(change.changedAt()).isBetween(before, Instant.now()));
    assertThat(registry.histories()).containsOnlyKeys("anna", "berta");
    assertThat(registry.histories().get("anna")).isEqualTo(registry.history("anna"));
    assertThat(registry.histories().get("berta")).singleElement().satisfies(change -> {
      assertThat(change.from()).isNull();
      assertThat(change.to()).isEqualTo(SiteState.OLD);
      assertThat(change.changedBy()).isEqualTo("seed file");
    });
  }

  @Test
  void anArchivedSiteKeepsWhereItLivedAndSaysWhereItWent() {
    site(root, "anna");
    site(root, "berta");
    registry.register(request("anna", root, "anna", SiteState.OLD), null, null);
    registry.register(request("berta", root, "berta"), null, null);
    Path archived = root.resolve("archive/anna");

    Site anna = registry.archive("anna", archived, "operator", "run-9");

    assertThat(anna.state()).isEqualTo(SiteState.ARCHIVED);
    assertThat(anna.directory()).isEqualTo(root.resolve("anna"));
    assertThat(anna.archivedTo()).isEqualTo(archived);
    assertThat(registry.require("anna")).isEqualTo(anna);
    assertThat(registry.stateChangesInRun("run-9")).extracting(SiteStateChange::from, SiteStateChange::to,
        SiteStateChange::changedBy).containsExactly(tuple(SiteState.OLD, SiteState.ARCHIVED, "operator"));
    assertThatThrownBy(() -> registry.archive("berta", root.resolve("archive/berta"), "operator", "run-10"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("cannot go from PRODUCTION to ARCHIVED");
    assertThat(registry.require("berta").archivedTo()).isNull();
  }

  @Test
  void aDirectoryRegisteredUnderASecondNameIsAConflictNamingTheFirst() {
    site(root, "anna");
    registry.register(request("anna", root, "anna"), "operator", null);

    assertThatThrownBy(() -> registry.register(request("anna2", root, root.resolve("anna/.").toString(),
            SiteState.PREVIEW), "operator", null))
        .isInstanceOf(SiteConflictException.class)
        .hasMessage("Directory '" + root.resolve("anna") + "' is the directory of site 'anna', registered already:"
            + " a directory belongs to one site, so that no two runs work in it at once. Use site 'anna', or correct"
            + " or remove its registration first (PUT or DELETE /api/sites/anna).")
        .extracting("field").isEqualTo("directory");
    assertThat(registry.find("anna2")).isEmpty();
  }

  @Test
  void aSymbolicLinkToARegisteredDirectoryOrRootIsTheSameDirectory() throws IOException {
    site(root, "anna");
    registry.register(request("anna", root, "anna"), "operator", null);
    Files.createSymbolicLink(root.resolve("anna_link"), root.resolve("anna"));
    Path rootLink = Files.createSymbolicLink(root.getParent().resolve(root.getFileName() + "-link"), root);

    try {
      assertThatThrownBy(() -> registry.register(request("bob", root, "anna_link", SiteState.PREVIEW), null, null))
          .isInstanceOf(SiteConflictException.class)
          .hasMessageContaining("'" + root.resolve("anna_link") + "' (really '")
          .hasMessageContaining("is the directory of site 'anna'");
      assertThatThrownBy(() -> registry.register(request("carl", rootLink, "anna", SiteState.PREVIEW), null, null))
          .isInstanceOf(SiteConflictException.class)
          .hasMessageContaining("is the directory of site 'anna'");
      assertThat(registry.all()).extracting(Site::name).containsExactly("anna");
    } finally {
      Files.delete(rootLink);
    }
  }

  @Test
  void theDatabaseKeepsASecondNameOutOfADirectoryThatTwoRegistrationsCheckedAtOnce() {
    site(root, "anna");
    registry.register(request("anna", root, "anna"), null, null);

    // What a second registration, checked while the first was not yet committed, would write.
    assertThatThrownBy(() -> jdbc.update("insert into site (name, root, directory, real_directory, state,"
            + " database_kind, uses_elastic, contact, created_at, updated_at) select 'anna2', root, directory,"
            + " real_directory, 'PREVIEW', database_kind, uses_elastic, contact, created_at, updated_at from site"))
        .isInstanceOf(DuplicateKeyException.class)
        .satisfies(e -> assertThat(DirectoryOwners.isTheirs((DuplicateKeyException) e)).isTrue());
  }
}
