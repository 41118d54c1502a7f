package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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

/**
 * create-database of a MySQL/MariaDB site on a real MariaDB server: the one `.ci/run` installs
 * (Debian's mariadb-server), starts, and gives the user {@code conductor}/{@code conductor}. Another
 * server: set CONDUCTOR_TEST_MARIADB_URL, _USER, _PASSWORD.
 */
class CreateDatabaseOnMariaDbTest {

  private static final JdbcAdmin ADMIN = new JdbcAdmin(
      System.getenv().getOrDefault("CONDUCTOR_TEST_MARIADB_URL", "jdbc:mariadb://localhost:3306/"),
      System.getenv().getOrDefault("CONDUCTOR_TEST_MARIADB_USER", "conductor"),
      System.getenv().getOrDefault("CONDUCTOR_TEST_MARIADB_PASSWORD", "conductor"));

  @TempDir Path root;

  @BeforeAll
  static void mariaDbRuns() {
    try (var connection = DriverManager.getConnection(ADMIN.url(), ADMIN.user(), ADMIN.password())) {
      assertThat(connection.getMetaData().getDatabaseProductVersion()).containsIgnoringCase("mariadb");
    } catch (SQLException e) {
      throw new IllegalStateException("No MariaDB server at " + ADMIN.url() + " for user " + ADMIN.user()
          + ": run `bash .ci/run` as root (it installs and starts mariadb-server and creates that user), or set"
          + " CONDUCTOR_TEST_MARIADB_URL/_USER/_PASSWORD. " + e.getMessage(), e);
    }
  }

  @Test
  void theNewSitesDatabaseIsCreatedOnceAndDroppedByTheRemoval() throws Exception {
    DatabaseCreator server = new DatabaseCreator(DatabaseKind.MYSQL, ADMIN);
    server.drop("my_berta"); // a leftover of an interrupted earlier run
    CreateDatabaseStep step = new CreateDatabaseStep(properties());
    Site production = new Site("my_anna", root, root.resolve("my_anna"), SiteState.PRODUCTION,
        ServiceCommands.DEFAULTS, DatabaseKind.MYSQL, false, "tester", List.of(), null, null, false, null);

    StepOutcome created = step.execute(StepContexts.real(
        StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "my_berta"), false),
        production, step.topic(), Map.of(), root.resolve("logs")));

    assertThat(created.status()).as(created.summary()).isEqualTo(StepOutcome.Status.SUCCEEDED);
    assertThat(created.variables()).containsEntry(Variables.CREATED_DATABASE, "my_berta");
    assertThat(server.exists("my_berta")).isTrue();
    StepOutcome again = step.execute(StepContexts.real(
        StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "my_berta"), false),
        production, step.topic(), Map.of(), root.resolve("logs")));
    assertThat(again.status()).isEqualTo(StepOutcome.Status.FAILED);
    assertThat(again.summary()).contains("exists already");

    server.drop("my_berta");
    assertThat(server.exists("my_berta")).isFalse();
    assertThatThrownBy(() -> server.create("x`; drop database mysql; --"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a safe database name");
  }

  private static PreviewProperties properties() {
    return new PreviewProperties(Path.of("upgrades.log"), "0 0 2 * * ?", 2, List.of("true"),
        List.of("settings.py"), List.of(), DataSize.ofMegabytes(1), PreviewProperties.WebServer.NGINX,
        Path.of("target/vhosts"), "{site}.example.org", null, ADMIN);
  }
}
