package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V9 gives the sites registered before it their registration, in the state they were registered in;
 * V14 their directory as the one they own.
 */
class SiteHistoryMigrationTest {

  private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant ACCEPTED = Instant.parse("2025-06-01T18:00:00Z");

  private final DriverManagerDataSource database = new DriverManagerDataSource(
      "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final JdbcTemplate jdbc = new JdbcTemplate(database);

  @Test
  void sitesRegisteredBeforeV9GetTheirRegistrationAsTheFirstEntryOfTheirHistory() {
    migrateTo("8");
    site("anna", "OLD");
    site("berta", "PRODUCTION");
    site("carla", "PRODUCTION");
    jdbc.update("insert into site_state_history (site, from_state, to_state, changed_by, changed_at, run)"
        + " values ('anna', 'PRODUCTION', 'OLD', 'tester', ?, 'run-1')", Timestamp.from(ACCEPTED));
    jdbc.update("insert into site_state_history (site, from_state, to_state, changed_by, changed_at, run)"
        + " values ('berta', 'PREVIEW', 'PRODUCTION', 'tester', ?, 'run-1')", Timestamp.from(ACCEPTED));

    migrateTo("9");

    SiteRegistry registry = TestDatabase.registry(jdbc);
    assertThat(registry.history("anna")).extracting(SiteStateChange::from, SiteStateChange::to,
        SiteStateChange::changedBy, SiteStateChange::changedAt).containsExactly(
            tuple(null, SiteState.PRODUCTION, null, CREATED),
            tuple(SiteState.PRODUCTION, SiteState.OLD, "tester", ACCEPTED));
    assertThat(registry.history("berta")).extracting(SiteStateChange::from, SiteStateChange::to)
        .containsExactly(tuple(null, SiteState.PREVIEW), tuple(SiteState.PREVIEW, SiteState.PRODUCTION));
    assertThat(registry.history("carla")).extracting(SiteStateChange::from, SiteStateChange::to)
        .containsExactly(tuple(null, SiteState.PRODUCTION));
  }

  private void migrateTo(String version) {
    Flyway.configure().dataSource(database).table("conductor_schema_history").target(version).load().migrate();
  }

  private void site(String name, String state) {
    jdbc.update("insert into site (name, root, directory, state, database_kind, uses_elastic, contact, created_at,"
        + " updated_at) values (?, '/srv/lino', ?, ?, 'SQLITE', false, 'someone', ?, ?)", name, "/srv/lino/" + name,
        state, Timestamp.from(CREATED), Timestamp.from(CREATED));
  }

  @Test
  void v14KeepsADirectoryRegisteredTwiceForTheFirstNameOnly() {
    migrateTo("11");
    site("anna", "PRODUCTION");
    jdbc.update("insert into site (name, root, directory, state, database_kind, uses_elastic, contact, created_at,"
        + " updated_at) values ('anna2', '/srv/lino', '/srv/lino/anna', 'OLD', 'SQLITE', false, 'someone', ?, ?)",
        Timestamp.from(CREATED), Timestamp.from(CREATED));
    site("berta", "OLD");

    migrateTo("14");

    assertThat(jdbc.queryForList("select name, real_directory from site order by name")).extracting(
        row -> row.get("NAME"), row -> row.get("REAL_DIRECTORY")).containsExactly(
            tuple("anna", "/srv/lino/anna"), tuple("anna2", null), tuple("berta", "/srv/lino/berta"));
  }
}
