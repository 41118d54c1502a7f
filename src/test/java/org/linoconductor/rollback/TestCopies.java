package org.linoconductor.rollback;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** The roll-back's copies for tests of single steps: records in an H2 database of their own. */
public final class TestCopies {

  private TestCopies() {}

  public static CopyRecords records() {
    return new CopyRecordTable(jdbc());
  }

  /** A database with the tables of the copies and of the code states. */
  static JdbcTemplate jdbc() {
    return new JdbcTemplate(new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
        .setName("copies-" + UUID.randomUUID()).addScript("db/migration/V4__code_state.sql")
        .addScript("db/migration/V16__site_copy.sql").build());
  }

  public static SiteCopies siteCopies(RollbackProperties properties) {
    return new SiteCopies(properties, records());
  }
}
