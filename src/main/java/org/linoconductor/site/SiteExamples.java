package org.linoconductor.site;

/** Example bodies of the API description (/v3/api-docs): a site as getlino lays it out. */
final class SiteExamples {

  /** A production site made by getlino, with its services stopped and started through sudo. */
  static final String GETLINO_SITE = """
      {
        "name": "mysite",
        "root": "/usr/local/lino/lino_local",
        "directory": "/usr/local/lino/lino_local/mysite",
        "state": "production",
        "databaseKind": "mysql",
        "usesElastic": false,
        "contact": "mysite_owner",
        "testers": ["mysite_tester"],
        "url": "https://mysite.example.org",
        "releaseNotesUrl": "https://mysite.example.org/releases",
        "fourEyes": true,
        "serviceCommands": {
          "stop": [["sudo", "service", "apache2", "stop"],
                   ["sudo", "service", "supervisor", "stop"],
                   ["sudo", "service", "cron", "stop"]],
          "start": [["sudo", "service", "apache2", "start"],
                    ["sudo", "service", "supervisor", "start"],
                    ["sudo", "service", "cron", "start"]],
          "restartWeb": [["sudo", "service", "nginx", "restart"]]
        }
      }""";

  /** Only the site's own supervisor programs instead of all of supervisor; the rest stays. */
  static final String PATCH = """
      {
        "serviceCommands": {
          "stop": [["sudo", "supervisorctl", "stop", "linod-mysite", "mysite-uwsgi"],
                   ["sudo", "service", "cron", "stop"]],
          "start": [["sudo", "supervisorctl", "start", "linod-mysite", "mysite-uwsgi"],
                    ["sudo", "service", "cron", "start"]]
        }
      }""";

  private SiteExamples() {}
}
