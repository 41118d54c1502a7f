package org.linoconductor.preview;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.linoconductor.preview.PreviewProperties.JdbcAdmin;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteNames;

/**
 * CREATE and DROP DATABASE on a PostgreSQL or MySQL/MariaDB server through JDBC with an admin
 * connection. A database name cannot be a bind parameter, so it is checked against the site-name
 * rule ({@code [a-z][a-z0-9_]*}, never a keyword-like role name) before it goes into SQL, and quoted
 * as an identifier besides. The password is only handed to the driver, never logged.
 */
final class DatabaseCreator {

  private final DatabaseKind kind;
  private final JdbcAdmin admin;

  DatabaseCreator(DatabaseKind kind, JdbcAdmin admin) {
    if (kind == DatabaseKind.SQLITE) {
      throw new IllegalArgumentException("SQLite needs no database server");
    }
    this.kind = kind;
    this.admin = admin;
  }

  boolean exists(String name) throws SQLException {
    String sql = kind == DatabaseKind.POSTGRESQL
        ? "select 1 from pg_database where datname = ?"
        : "select 1 from information_schema.schemata where schema_name = ?";
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, checked(name));
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  void create(String name) throws SQLException {
    execute("create database " + quoted(name) + (kind == DatabaseKind.MYSQL ? " character set utf8mb4" : ""));
  }

  void drop(String name) throws SQLException {
    execute("drop database if exists " + quoted(name));
  }

  private void execute(String sql) throws SQLException {
    // CREATE/DROP DATABASE cannot run inside a transaction block: autocommit (the JDBC default).
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(admin.url(), admin.user(), admin.password());
  }

  private String quoted(String name) {
    String checked = checked(name);
    return kind == DatabaseKind.POSTGRESQL ? "\"" + checked + "\"" : "`" + checked + "`";
  }

  private static String checked(String name) {
    if (name == null || !SiteNames.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a safe database name: '" + name + "' (allowed: [a-z][a-z0-9_]{0,29})");
    }
    return name;
  }
}
