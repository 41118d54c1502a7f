package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linoconductor.site.SiteDirectories.request;
import static org.linoconductor.site.SiteDirectories.site;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
}
