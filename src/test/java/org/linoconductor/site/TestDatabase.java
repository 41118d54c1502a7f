package org.linoconductor.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with the application's migrations, without Spring or Camunda. */
public final class TestDatabase {

  private TestDatabase() {}

  public static JdbcTemplate migratedH2() {
    return migrated(new DriverManagerDataSource(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  public static JdbcTemplate migrated(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).table("conductor_schema_history").load().migrate();
    return new JdbcTemplate(dataSource);
  }

  public static SiteRegistry registry(JdbcTemplate jdbc) {
    SiteRepository repository = new SiteRepository(jdbc, new ObjectMapper());
    return new SiteRegistry(repository, new SiteValidator(), new DirectoryOwners(repository), event -> { });
  }

  /** Corrections of {@code registry}'s sites, which {@code holds} says a run holds. */
  static SiteCorrections corrections(JdbcTemplate jdbc, SiteRegistry registry, SiteHolds holds) {
    SiteRepository repository = new SiteRepository(jdbc, new ObjectMapper());
    return new SiteCorrections(registry, repository, new SiteCorrectionRepository(jdbc, new ObjectMapper()),
        new SiteValidator(), new DirectoryOwners(repository), holds);
  }
}
