package org.linoconductor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Conductor on a real PostgreSQL (15, the version of the client tools .ci/run installs), configured
 * as the {@code postgres} profile and the compose file configure it (POSTGRES_URL, POSTGRES_USER,
 * POSTGRES_PASSWORD): Camunda creates its schema,
 * Flyway migrates the application's tables, and a whole snapshot run goes through.
 */
@SpringBootTest(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.log-dir=target/step-logs",
    // Camunda keeps engines in a static registry by name: the web tests' context must keep "default".
    "camunda.bpm.process-engine-name=postgresTest"})
@ActiveProfiles("postgres")
@DirtiesContext
class ConductorOnPostgresTest {

  private static EmbeddedPostgres postgres;

  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository stepRuns;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry properties) {
    try {
      postgres = EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    properties.add("POSTGRES_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
    properties.add("POSTGRES_USER", () -> "postgres");
    properties.add("POSTGRES_PASSWORD", () -> "postgres");
  }

  @Test
  void theEngineAndTheMigrationsRunOnPostgresqlAndASnapshotRunGoesThrough() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(15);
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("select version from conductor_schema_history where success order by installed_rank",
        String.class)).contains("1", "2");

    TestLino.productionSite(registry, "pg_snap");
    String id = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(StepVariables.SITE, "pg_snap"))
        .getId();

    await().atMost(Duration.ofSeconds(60))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(SiteSnapshotProcess.Elements.SNAPSHOT_MADE).count()).isOne();
    assertThat(stepRuns.ofRun(id)).extracting(StepRun::status)
        .containsExactly(StepRun.Status.SUCCEEDED, StepRun.Status.SUCCEEDED);
  }
}
