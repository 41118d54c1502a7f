package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.linoconductor.site.SiteDirectories.request;
import static org.linoconductor.site.SiteDirectories.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class SiteCorrectionsTest {

  @TempDir Path root;

  private final JdbcTemplate jdbc = TestDatabase.migratedH2();
  private final SiteRegistry registry = TestDatabase.registry(jdbc);
  /** Which site a run holds, as the steps' site lock would say. */
  private final Map<String, String> runs = new HashMap<>();
  private final SiteCorrections corrections = TestDatabase.corrections(jdbc, registry,
      site -> Optional.ofNullable(runs.get(site)));
  private final SiteCorrectionRepository records = new SiteCorrectionRepository(jdbc, new ObjectMapper());

  @Test
  void aCorrectionReplacesTheRegistrationAndRecordsWhoChangedWhatAndWhen() {
    site(root, "anna");
    Site before = registry.register(request("anna", root, "anna"), "operator", null);
    ServiceCommands supervisor = new ServiceCommands(List.of(List.of("sudo", "supervisorctl", "stop", "linod-anna")),
        List.of(List.of("sudo", "supervisorctl", "start", "linod-anna")), ServiceCommands.DEFAULTS.restartWeb());
    Instant start = Instant.now();

    Site after = corrections.correct("anna", current -> new SiteRequest(null, root.toString(), "anna", null,
        DatabaseKind.MYSQL, null, "new_owner", List.of("tester"), "https://anna.example.org", null, supervisor,
        null), "olga");

    assertThat(after.serviceCommands()).isEqualTo(supervisor);
    assertThat(after.contact()).isEqualTo("new_owner");
    assertThat(after.state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(registry.require("anna")).isEqualTo(after);
    assertThat(records.of("anna")).singleElement().satisfies(correction -> {
      assertThat(correction.changedBy()).isEqualTo("olga");
      assertThat(correction.changedAt()).isBetween(start, Instant.now());
      assertThat(correction.changes().properties()).extracting(Map.Entry::getKey)
          .containsExactlyInAnyOrder("databaseKind", "contact", "serviceCommands");
      assertThat(correction.changes().get("contact").get("from").asText()).isEqualTo(before.contact());
      assertThat(correction.changes().get("contact").get("to").asText()).isEqualTo("new_owner");
    });
    assertThat(records.all()).containsOnlyKeys("anna");
  }

  @Test
  void aCorrectionThatChangesNothingIsNotRecorded() {
    site(root, "anna");
    registry.register(request("anna", root, "anna"), "operator", null);

    corrections.correct("anna", current -> current, "olga");

    assertThat(records.of("anna")).isEmpty();
  }

  @Test
  void neitherTheNameNorTheStateIsCorrected() {
    site(root, "anna");
    registry.register(request("anna", root, "anna"), "operator", null);

    assertThatThrownBy(() -> corrections.correct("anna", current -> current.with("berta", null), "olga"))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageContaining("A site keeps its name for life");
    assertThatThrownBy(() -> corrections.correct("anna", current -> current.with(null, SiteState.OLD), "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageStartingWith("Site 'anna' is PRODUCTION, and a correction never changes the state")
        .extracting("field").isEqualTo("state");
    assertThat(registry.require("anna").state()).isEqualTo(SiteState.PRODUCTION);
  }

  @Test
  void nothingIsCorrectedOrRemovedWhileARunHoldsTheSite() {
    site(root, "anna");
    Site anna = registry.register(request("anna", root, "anna"), "operator", null);
    runs.put("anna", "run 42 (production-upgrade), since 2026-01-01T10:00:00Z");

    assertThatThrownBy(() -> corrections.correct("anna", current -> current.with(null, null), "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessage("Site 'anna' is held by run 42 (production-upgrade), since 2026-01-01T10:00:00Z: its registration"
            + " is not corrected while a run works on it. Wait until the run has ended (or end it in Cockpit), then"
            + " send the request again.");
    assertThatThrownBy(() -> corrections.remove("anna", "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("is not removed while a run works on it");
    assertThat(registry.require("anna")).isEqualTo(anna);
  }

  @Test
  void aDirectoryIsNotMovedOntoAnotherSitesNorAwayFromTheRootLinkThatServesIt() {
    site(root, "anna");
    site(root, "berta");
    site(root, "anna_new");
    registry.register(request("anna", root, "anna"), "operator", null);
    registry.register(request("berta", root, "berta", SiteState.PREVIEW), "operator", null);

    assertThatThrownBy(() -> corrections.correct("berta", current -> request(null, root, "anna"), "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("is the directory of site 'anna'");
    SiteLinks.point(root, SiteLinks.PROD, "anna");
    assertThatThrownBy(() -> corrections.correct("anna", current -> request(null, root, "anna_new"), "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageStartingWith("The root's link prod points at the directory of site 'anna'");

    SiteLinks.remove(root, SiteLinks.PROD);
    assertThat(corrections.correct("anna", current -> request(null, root, "anna_new"), "olga").directory())
        .isEqualTo(root.resolve("anna_new"));
  }

  @Test
  void anArchivedSiteKeepsItsRegistration() {
    site(root, "anna");
    registry.register(request("anna", root, "anna", SiteState.OLD), "operator", null);
    registry.archive("anna", root.resolve("archive/anna"), "operator", "run-1");

    assertThatThrownBy(() -> corrections.correct("anna", current -> current, "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageStartingWith("Site 'anna' is ARCHIVED (moved to " + root.resolve("archive/anna") + ")");
  }

  @Test
  void aRemovedSiteKeepsItsDirectoryAndItsRecordsAndANewRegistrationStartsAFreshHistory() {
    Path directory = site(root, "anna");
    registry.register(request("anna", root, "anna", SiteState.PREVIEW), "operator", null);
    registry.changeState("anna", SiteState.PRODUCTION, "tester", "run-1");

    corrections.remove("anna", "olga");

    assertThat(registry.find("anna")).isEmpty();
    assertThat(directory.resolve("manage.py")).exists();
    assertThat(jdbc.queryForObject("select count(*) from site_state_history where site = 'anna'", Integer.class))
        .isEqualTo(2);
    Map<String, Object> removal = jdbc.queryForMap("select * from site_registration_change where site = 'anna'");
    assertThat(removal).containsEntry("ACTION", "REMOVED").containsEntry("CHANGED_BY", "olga");
    assertThat((String) removal.get("CHANGES")).contains("\"state\":\"PRODUCTION\"", "\"directory\":\"" + directory);

    registry.register(request("anna", root, "anna", SiteState.OLD), "operator", null);
    assertThat(registry.history("anna")).extracting(SiteStateChange::from, SiteStateChange::to)
        .containsExactly(tuple(null, SiteState.OLD));
  }

  @Test
  void aSiteThatARootLinkServesOrThatHasARegisteredPreviewIsNotRemoved() {
    site(root, "anna");
    site(root, "berta");
    registry.register(request("anna", root, "anna"), "operator", null);
    registry.register(request("berta", root, "berta", SiteState.PREVIEW), "operator", null);
    jdbc.update("insert into preview_site (site, production_site, created_at) values ('berta', 'anna', ?)",
        Timestamp.from(Instant.now()));
    SiteLinks.point(root, SiteLinks.PREVIEW, "berta");

    assertThatThrownBy(() -> corrections.remove("berta", "olga"))
        .hasMessage("The root's link preview points at the directory of site 'berta': the web server serves it."
            + " Point preview at another site first (an accepted upgrade attempt moves prod, preview-setup moves"
            + " preview), then remove the registration.");
    assertThatThrownBy(() -> corrections.remove("anna", "olga"))
        .isInstanceOf(SiteConflictException.class)
        .hasMessage("Site 'anna' is the production site of the preview berta: remove that registration first"
            + " (DELETE /api/sites/berta).");

    SiteLinks.remove(root, SiteLinks.PREVIEW);
    corrections.remove("berta", "olga");
    corrections.remove("anna", "olga");
    assertThat(registry.all()).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from preview_site", Integer.class)).isZero();
  }

  @Test
  void anUnknownSiteIsNeitherCorrectedNorRemoved() {
    assertThatThrownBy(() -> corrections.remove("zora", "olga")).isInstanceOf(UnknownSiteException.class);
    assertThatThrownBy(() -> corrections.correct("zora", current -> current, "olga"))
        .isInstanceOf(UnknownSiteException.class);
  }
}
