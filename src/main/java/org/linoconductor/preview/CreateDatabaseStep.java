package org.linoconductor.preview;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.linoconductor.preview.PreviewProperties.JdbcAdmin;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's "create the new database in mysql or pg", by the production site's database kind.
 * The database is named after the new site, as the renamed settings.py names it (the production
 * database is named after production by the same convention). SQLite needs nothing: settings.py
 * names a file in the new directory and the first restore creates the tables.
 */
@Component
class CreateDatabaseStep implements Step {

  private final PreviewProperties properties;

  CreateDatabaseStep(PreviewProperties properties) {
    this.properties = properties;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.CREATE_DATABASE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  /** Why the database of a preview of {@code site} cannot be created, if it cannot (checked before the copy too). */
  static Optional<String> missingAdmin(Site site, PreviewProperties properties) {
    DatabaseKind kind = site.databaseKind();
    if (kind == DatabaseKind.SQLITE) {
      return Optional.empty();
    }
    JdbcAdmin admin = kind == DatabaseKind.POSTGRESQL ? properties.postgresAdmin() : properties.mysqlAdmin();
    String key = kind == DatabaseKind.POSTGRESQL ? "postgres-admin" : "mysql-admin";
    if (admin == null || admin.url() == null) {
      return Optional.of("Site " + site.name() + " uses " + kind + ", but conductor.preview." + key
          + " (url, user, password) is not configured: configure a connection allowed to CREATE DATABASE,"
          + " or create the new site's database by hand, then retry.");
    }
    return Optional.empty();
  }

  @Override
  public StepOutcome execute(StepContext context) {
    DatabaseKind kind = context.site().databaseKind();
    String name = NewSite.name(context);
    if (kind == DatabaseKind.SQLITE) {
      return StepOutcome.skipped("SQLite: settings.py of " + name + " names its own database file,"
          + " which the first restore fills");
    }
    Optional<String> missing = missingAdmin(context.site(), properties);
    if (missing.isPresent()) {
      return StepOutcome.failed(missing.get());
    }
    JdbcAdmin admin = kind == DatabaseKind.POSTGRESQL ? properties.postgresAdmin() : properties.mysqlAdmin();
    String key = kind == DatabaseKind.POSTGRESQL ? "postgres-admin" : "mysql-admin";
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: would CREATE DATABASE " + name + " on " + admin.url());
    }
    DatabaseCreator server = new DatabaseCreator(kind, admin);
    try {
      if (server.exists(name)) {
        if (name.equals(context.variable(Variables.CREATED_DATABASE, String.class).orElse(null))) {
          return StepOutcome.succeeded("Database " + name + " exists (created earlier by this run)");
        }
        return StepOutcome.failed("Database " + name + " exists already on " + admin.url() + " and was not created"
            + " by this run: drop it, or abort and choose another name for the new site.");
      }
      server.create(name);
    } catch (SQLException e) {
      return StepOutcome.failed("Cannot create database " + name + " on " + admin.url() + " (conductor.preview." + key
          + "): " + e.getMessage() + (kind == DatabaseKind.MYSQL && e.getMessage().contains("No suitable driver")
              ? " — the MariaDB JDBC driver (org.mariadb.jdbc:mariadb-java-client) is not installed." : ""));
    }
    return StepOutcome.succeeded("Created database " + name + " on " + admin.url(),
        Map.of(Variables.CREATED_DATABASE, name));
  }
}
