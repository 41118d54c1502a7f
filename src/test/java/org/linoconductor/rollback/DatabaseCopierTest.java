package org.linoconductor.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.rollback.RollbackSites.py;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.Layout;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepContext;

/**
 * Native copies and their way back, on the three engines for real: SQLite through the env's Python,
 * a PostgreSQL server (embedded, of the client tools' version) with the system's pg_dump, pg_restore
 * and psql, and the MariaDB server of this machine with mysqldump and mysql. The connection comes
 * from settings.py as Django reads it; names from there are hostile on purpose: they are data,
 * never a shell word or an option. A dump of every table is the same before the copy and after
 * the way back, whatever changed in between (rows, columns, a new table).
 */
class DatabaseCopierTest {

  /** Quotes of every kind, a leading dash, a command substitution, a separator: all of it just a name. */
  private static final String HOSTILE = "-x $(touch pwned);'q\" `id` \\ host=evil";
  private static final String PASSWORD = "p'a:s\\s\"w #rd";

  private static final RollbackSites SITES = new RollbackSites();
  private static EmbeddedPostgres postgres;
  private final DatabaseCopier copier = new DatabaseCopier(RollbackProperties.Tools.defaults());

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aSqliteDatabaseWithAHostileFileNameIsCopiedAndPutBackRowForRow() throws Exception {
    SimulatedSite sim = SITES.fresh(Layout.PIP);
    Path file = sim.dir().resolve("-x $(touch pwned);q \"d\".db");
    Files.move(sim.dir().resolve("default.db"), file);
    RollbackSites.databases(sim, "{'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': " + py(file.toString())
        + "}}");
    Site site = RollbackSites.site(sim, DatabaseKind.SQLITE);
    String before = RollbackSites.sqliteDump(file);

    SiteDatabase database = read(site);
    assertThat(database.kind()).isEqualTo(DatabaseKind.SQLITE);
    assertThat(database.name()).isEqualTo(file.toString());
    assertThat(copier.check(context(site), database)).isEmpty();
    Path copy = sim.dir().getParent().resolve("copy.sqlite3");
    assertThat(copier.copy(context(site), database, copy)).isEmpty();
    assertThat(RollbackSites.sqliteDump(copy)).isEqualTo(before);

    RollbackSites.run(List.of("sqlite3", file.toString(), "delete from contacts_partner where id > 100;"
        + " create table extra (x); insert into extra values (1); alter table notes_note add column remark"));
    assertThat(RollbackSites.sqliteDump(file)).isNotEqualTo(before);
    assertThat(copier.restore(context(site), database, copy)).isEmpty();

    assertThat(RollbackSites.sqliteDump(file)).isEqualTo(before);
    assertThat(sim.dir().resolve("pwned")).doesNotExist();
    assertThat(Path.of("pwned")).doesNotExist();
  }

  @Test
  void aMissingSqliteFileIsAProblemThatNamesTheSetting() {
    SimulatedSite sim = SITES.fresh(Layout.GIT);
    RollbackSites.databases(sim, "{'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'gone.db'}}");
    Site site = RollbackSites.site(sim, DatabaseKind.SQLITE);
    SiteDatabase database = read(site);

    assertThat(database.name()).as("relative to the site, as Django's working directory")
        .isEqualTo(sim.dir().resolve("gone.db").toString());
    assertThat(copier.check(context(site), database)).singleElement().asString()
        .contains("does not exist", "DATABASES['default']['NAME']");
    assertThat(copier.copy(context(site), database, sim.dir().resolve("x.sqlite3"))).get().asString()
        .contains("does not exist");
    assertThat(sim.dir().resolve("gone.db")).as("the copy created no empty database").doesNotExist();
  }

  @Test
  void aPostgresDatabaseWithAHostileNameIsCopiedWithPgDumpAndPutBackWithoutWhatTheUpgradeAdded() throws Exception {
    String user = "site user";
    try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        Statement sql = admin.createStatement()) {
      sql.execute("create role \"" + user + "\" login password '" + PASSWORD.replace("'", "''") + "'");
      sql.execute("create database \"" + HOSTILE.replace("\"", "\"\"") + "\" owner \"" + user + "\"");
    }
    SimulatedSite sim = SITES.fresh(Layout.GIT);
    RollbackSites.databases(sim, "{'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': " + py(HOSTILE)
        + ", 'USER': " + py(user) + ", 'PASSWORD': " + py(PASSWORD) + ", 'HOST': 'localhost', 'PORT': "
        + postgres.getPort() + "}}");
    Site site = RollbackSites.site(sim, DatabaseKind.POSTGRESQL);
    try (Connection db = siteConnection(user); Statement sql = db.createStatement()) {
      sql.execute("create table contacts_partner (id serial primary key, name text, city_id int)");
      sql.execute("insert into contacts_partner (name, city_id) values ('Anna', null), ('Bernd', 9999)");
      sql.execute("create view partner_names as select name from contacts_partner");
    }
    String before = pgDump(site);

    SiteDatabase database = read(site);
    assertThat(database).extracting(SiteDatabase::kind, SiteDatabase::name, SiteDatabase::user, SiteDatabase::port)
        .containsExactly(DatabaseKind.POSTGRESQL, HOSTILE, user, String.valueOf(postgres.getPort()));
    assertThat(copier.check(context(site), database)).isEmpty();
    Path copy = sim.dir().getParent().resolve("copy.pgdump");
    StepContext copying = context(site);
    assertThat(copier.copy(copying, database, copy)).isEmpty();
    assertThat(Files.readAllBytes(copy)).startsWith("PGDMP".getBytes());

    try (Connection db = siteConnection(user); Statement sql = db.createStatement()) {
      sql.execute("delete from contacts_partner where city_id = 9999");
      sql.execute("alter table contacts_partner add column remark text default ''");
      sql.execute("create table added_by_upgrade (x int)");
      sql.execute("create schema upgraded");
      sql.execute("create table upgraded.more (y int)");
    }
    assertThat(pgDump(site)).isNotEqualTo(before);
    assertThat(copier.restore(context(site), database, copy)).isEmpty();

    assertThat(pgDump(site)).isEqualTo(before);
    assertThat(copy.resolveSibling("copy.pgdump.restore.sql")).doesNotExist();
    assertThat(RollbackSites.allText(SITES.logs())).as("the password never reaches a log")
        .doesNotContain(PASSWORD).contains("--dbname=dbname=");
    assertThat(Path.of("pwned")).doesNotExist();
  }

  @Test
  void aMissingOrWrongPostgresToolIsAProblemThatSaysWhatToInstallOrConfigure() {
    SimulatedSite sim = SITES.fresh(Layout.GIT);
    Site site = RollbackSites.site(sim, DatabaseKind.POSTGRESQL);
    var database = new SiteDatabase(DatabaseKind.POSTGRESQL, "nosuchdb", "postgres", "", "localhost",
        String.valueOf(postgres.getPort()));
    var tools = new RollbackProperties.Tools("/opt/pg99/bin/pg_dump", "pg_restore", "psql", "mysqldump", "mysql");

    assertThat(new DatabaseCopier(tools).check(context(site), database)).singleElement().asString()
        .contains("/opt/pg99/bin/pg_dump", "conductor.rollback.tools");
    assertThat(copier.check(context(site), database)).singleElement().asString()
        .contains("reading the PostgreSQL database nosuchdb", "does not exist");
  }

  @Test
  void aMariaDbDatabaseWithAHostileNameIsCopiedWithMysqldumpAndPutBackWithoutWhatTheUpgradeAdded() throws Exception {
    String name = "-x $(touch pwned);'q\" host=evil";
    String url = "jdbc:mariadb://localhost:3306/";
    try (Connection admin = DriverManager.getConnection(url, "conductor", "conductor");
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists `" + name + "`");
      sql.execute("create database `" + name + "`");
      sql.execute("use `" + name + "`");
      sql.execute("create table contacts_partner (id int primary key, name text, city_id int)");
      sql.execute("insert into contacts_partner values (1, 'Anna', null), (2, 'Bernd', 9999)");
    }
    SimulatedSite sim = SITES.fresh(Layout.PIP);
    RollbackSites.databases(sim, "{'default': {'ENGINE': 'django.db.backends.mysql', 'NAME': " + py(name)
        + ", 'USER': 'conductor', 'PASSWORD': 'conductor', 'HOST': 'localhost', 'PORT': 3306}}");
    Site site = RollbackSites.site(sim, DatabaseKind.MYSQL);
    try {
      String before = mysqldump(name);
      SiteDatabase database = read(site);
      assertThat(database.name()).isEqualTo(name);
      assertThat(copier.check(context(site), database)).isEmpty();
      Path copy = sim.dir().getParent().resolve("copy.sql");
      assertThat(copier.copy(context(site), database, copy)).isEmpty();

      try (Connection db = DriverManager.getConnection(url, "conductor", "conductor");
          Statement sql = db.createStatement()) {
        sql.execute("use `" + name + "`");
        sql.execute("delete from contacts_partner where city_id = 9999");
        sql.execute("alter table contacts_partner add column remark text");
        sql.execute("create table added_by_upgrade (x int)");
      }
      assertThat(mysqldump(name)).isNotEqualTo(before);
      assertThat(copier.restore(context(site), database, copy)).isEmpty();

      assertThat(mysqldump(name)).isEqualTo(before);
      assertThat(Path.of("pwned")).doesNotExist();
    } finally {
      try (Connection admin = DriverManager.getConnection(url, "conductor", "conductor");
          Statement sql = admin.createStatement()) {
        sql.execute("drop database if exists `" + name + "`");
      }
    }
  }

  @Test
  void passwordsBecomeFileValuesThatTheirQuotesAndSeparatorsCannotBreak() throws Exception {
    try (Credentials credentials = new Credentials()) {
      assertThat(Files.readString(credentials.pgPassFile(PASSWORD))).isEqualTo("*:*:*:*:p'a\\:s\\\\s\"w #rd\n");
      Path options = credentials.mysqlOptions(new SiteDatabase(DatabaseKind.MYSQL, "db", "u\"ser", PASSWORD, "", ""));
      assertThat(Files.readString(options))
          .isEqualTo("[client]\nuser=\"u\\\"ser\"\npassword=\"p'a:s\\\\s\\\"w #rd\"\n");
      assertThat(Files.getPosixFilePermissions(options)).hasSize(2);
      assertThat(DatabaseCopier.conninfo(new SiteDatabase(DatabaseKind.POSTGRESQL, HOSTILE, "", "", "h", ""),
          credentials)).isEqualTo("dbname='-x $(touch pwned);\\'q\" `id` \\\\ host=evil' host='h'");
    }
  }

  private static SiteDatabase read(Site site) {
    SiteSettings.Reading reading = SiteSettings.read(SITES.context(site, "copy-database"));
    assertThat(reading.problem()).isNull();
    return reading.database();
  }

  private static StepContext context(Site site) {
    return SITES.context(site, "copy-database");
  }

  private static Connection siteConnection(String user) throws Exception {
    var source = new org.postgresql.ds.PGSimpleDataSource();
    source.setServerNames(new String[] {"localhost"});
    source.setPortNumbers(new int[] {postgres.getPort()});
    source.setDatabaseName(HOSTILE);
    source.setUser(user);
    source.setPassword(PASSWORD);
    return source.getConnection();
  }

  /** Every table as pg_dump writes it, less the random key of its \restrict lines. */
  private static String pgDump(Site site) {
    return RollbackSites.run(List.of("pg_dump", "--no-owner", "--dbname=host=localhost port=" + postgres.getPort()
            + " user=postgres dbname='" + HOSTILE.replace("\\", "\\\\").replace("'", "\\'") + "'"))
        .lines().filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
        .collect(Collectors.joining("\n"));
  }

  private static String mysqldump(String name) {
    return RollbackSites.run(List.of("mysqldump", "--user=conductor", "--password=conductor", "--skip-dump-date",
        "--", name));
  }
}
