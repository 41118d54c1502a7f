package org.linoconductor.site;

/** The database engine behind a site: decides how a preview site's database is created. */
public enum DatabaseKind {
  SQLITE,
  POSTGRESQL,
  MYSQL
}
