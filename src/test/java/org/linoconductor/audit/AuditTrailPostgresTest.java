package org.linoconductor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.site.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The audit list's SQL on a real PostgreSQL, as in production: a page through the newest-first
 * index with its bounded count, the filters, a tester's scope, the CSV's rows read through a cursor.
 */
class AuditTrailPostgresTest {

  private static final int RUNS = AuditTrail.COUNTED + 30;

  private static EmbeddedPostgres postgres;
  private static AuditTrail trail;

  @BeforeAll
  static void aLongRecord() throws IOException {
    postgres = EmbeddedPostgres.start();
    JdbcTemplate jdbc = TestDatabase.migrated(postgres.getPostgresDatabase());
    trail = new AuditTrail(jdbc, new DataSourceTransactionManager(postgres.getPostgresDatabase()));
    List<Object[]> rows = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < RUNS; i++) {
      rows.add(new Object[] {"run-" + i, i % 3 == 0 ? "production-upgrade" : "site-snapshot", i % 2 == 0 ? "anna"
          : "berta", Timestamp.from(start.plusSeconds(i)), i % 10 == 0 ? "FAILED" : "SUCCEEDED"});
    }
    jdbc.batchUpdate("""
        insert into run_record (process_instance_id, process_key, site, started_at, ended_at, outcome)
        values (?, ?, ?, ?, current_timestamp, ?)""", rows);
    jdbc.update("insert into run_record (process_instance_id, process_key, site, started_at) values (?, ?, ?, ?)",
        "running", "archive-site", "carla", Timestamp.from(start.plusSeconds(RUNS / 2).plusMillis(500)));
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void aPageIsNewestFirstAndCountsTenThousandRunsPastItsStart() {
    RunPage first = trail.page(filter(null, null, 0, 50), RunScope.ALL);
    assertThat(first.items()).extracting(RunSummary::processInstanceId).startsWith("run-" + (RUNS - 1), "run-"
        + (RUNS - 2));
    assertThat(first.total()).isEqualTo(AuditTrail.COUNTED);
    assertThat(first.totalExact()).isFalse();
    assertThat(first.hasNext()).isTrue();

    RunPage last = trail.page(filter(null, null, RUNS / 50, 50), RunScope.ALL);
    assertThat(last.total()).isEqualTo(RUNS + 1);
    assertThat(last.totalExact()).isTrue();
    assertThat(last.items()).extracting(RunSummary::processInstanceId).endsWith("run-0");
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void filtersAndATestersScopeHoldOnTheSameQueries() {
    RunPage failedUpgrades = trail.page(filter("production-upgrade", "FAILED", 0, 200), RunScope.ALL);
    assertThat(failedUpgrades.items()).hasSize(200).allSatisfy(run -> {
      assertThat(run.processKey()).isEqualTo("production-upgrade");
      assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
    });
    assertThat(failedUpgrades.total()).isEqualTo((RUNS + 29) / 30);

    RunPage annas = trail.page(filter(null, null, 0, 10), RunScope.ofSites(Set.of("anna")));
    assertThat(annas.items()).extracting(RunSummary::site).containsOnly("anna");
    assertThat(trail.page(filter(null, null, 0, 10), RunScope.ofSites(Set.of())).items()).isEmpty();
    assertThat(trail.page(filter(null, RunFilter.RUNNING, 0, 10), RunScope.ALL).items())
        .extracting(RunSummary::processInstanceId).containsExactly("running");
  }

  @Test
  void theCsvRowsComeThroughACursorNewestFirst() {
    List<String> ids = new ArrayList<>();
    trail.forEach(filter(null, null, 0, 50), RunScope.ofSites(Set.of("berta")),
        run -> ids.add(run.processInstanceId()));

    assertThat(ids).hasSize(RUNS / 2).startsWith("run-" + (RUNS - 1)).endsWith("run-1");
  }

  private static RunFilter filter(String process, String outcome, int page, int size) {
    return new RunFilter(null, process, outcome, null, null, page, size);
  }
}
