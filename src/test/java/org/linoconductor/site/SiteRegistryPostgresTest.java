package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linoconductor.site.SiteDirectories.request;
import static org.linoconductor.site.SiteDirectories.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** V1__sites.sql and the repository's SQL on a real PostgreSQL, as in production. */
class SiteRegistryPostgresTest {

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate jdbc;

  @TempDir Path root;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
    jdbc = TestDatabase.migrated(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void aSiteMakesTheRoundTripThroughPostgresql() {
    SiteRegistry registry = TestDatabase.registry(jdbc);
    site(root, "pg_anna");

    Site registered = registry.register(new SiteRequest("pg_anna", root.toString(), "pg_anna",
        SiteState.PREVIEW, DatabaseKind.POSTGRESQL, true, "anna_owner", List.of("tester"),
        "https://anna.example.org", null, null, null), null, null);
    registry.changeState("pg_anna", SiteState.PRODUCTION);

    assertThat(registry.require("pg_anna")).isEqualTo(registered.withState(SiteState.PRODUCTION));
    assertThatThrownBy(() -> registry.register(request("pg_anna", root, "pg_anna"), null, null))
        .isInstanceOf(SiteConflictException.class);
  }

  @Test
  void aRegistrationIsCorrectedRemovedAndRegisteredAgainOnPostgresql() {
    SiteRegistry registry = TestDatabase.registry(jdbc);
    SiteCorrections corrections = TestDatabase.corrections(jdbc, registry, site -> Optional.empty());
    SiteCorrectionRepository records = new SiteCorrectionRepository(jdbc, new ObjectMapper());
    site(root, "pg_berta");
    site(root, "pg_berta2");
    registry.register(request("pg_berta", root, "pg_berta", SiteState.PREVIEW), "operator", null);

    corrections.correct("pg_berta", current -> request(null, root, "pg_berta2"), "olga");
    assertThat(registry.require("pg_berta").directory()).isEqualTo(root.resolve("pg_berta2"));
    assertThat(records.of("pg_berta")).singleElement()
        .satisfies(correction -> assertThat(correction.changes().has("directory")).isTrue());
    assertThat(records.all()).containsKey("pg_berta");
    assertThatThrownBy(() -> registry.register(request("pg_other", root, "pg_berta2", SiteState.PREVIEW), null,
            null))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("is the directory of site 'pg_berta'");

    corrections.remove("pg_berta", "olga");
    registry.register(request("pg_berta", root, "pg_berta", SiteState.PREVIEW), "operator", null);

    assertThat(registry.history("pg_berta")).hasSize(1);
    assertThat(records.of("pg_berta")).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from site_registration_change where site = 'pg_berta'",
        Integer.class)).isEqualTo(2);
  }
}
