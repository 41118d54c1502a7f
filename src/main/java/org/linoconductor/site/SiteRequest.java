package org.linoconductor.site;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a caller sends to register a site (JSON at {@code POST /api/sites}, one entry of the sites
 * YAML) or to correct a registration ({@code PUT}, {@code PATCH}). Only {@code name}, {@code root},
 * {@code directory} and {@code contact} are required; the others have the defaults of
 * {@link #withDefaults()}. {@code directory} may be relative to {@code root}. Its components are the
 * keys {@link SiteRequestReader} knows: a key that is none of them is refused.
 */
@Schema(description = "A site's registration. JSON keys in camelCase (the sites YAML spells the same keys in"
    + " kebab-case); a key not listed here is refused with 400. Text is bounded: root, directory, url and"
    + " releaseNotesUrl 500 characters, user ids 64, at most 50 testers.")
public record SiteRequest(
    @Schema(description = "Neutral, lowercase, for life: [a-z][a-z0-9_]{0,29}; never prod, preview, old, new,"
        + " testing or archive. In PUT and PATCH it may be left out and otherwise must be the site's name.",
        example = "mysite", maxLength = 30)
    String name,
    @Schema(description = "Absolute directory that holds the sites and the prod and preview links",
        example = "/usr/local/lino/lino_local", maxLength = SiteValidator.MAX_PATH)
    String root,
    @Schema(description = "The Lino project directory (holds manage.py), under root; absolute or relative to root."
        + " One directory (links resolved) belongs to at most one site.",
        example = "/usr/local/lino/lino_local/mysite", maxLength = SiteValidator.MAX_PATH)
    String directory,
    @Schema(description = "Life-cycle state, in any case (production, PRODUCTION). Default production at"
        + " registration. One PRODUCTION site per root. PUT and PATCH never change it: leave it out or give the"
        + " current state; the processes move a site along PREVIEW → PRODUCTION → OLD → ARCHIVED.")
    SiteState state,
    @Schema(description = "The site's database engine, in any case; default sqlite. mysql is also MariaDB.")
    DatabaseKind databaseKind,
    @Schema(description = "lino.modlib.elastic installed: upgrades run buildindexes. Default false.")
    Boolean usesElastic,
    @Schema(description = "Camunda user id of who signs in and confirms after an upgrade", example = "mysite_owner",
        maxLength = SiteValidator.MAX_USER_ID)
    String contact,
    @Schema(description = "Camunda user ids of who decide upgrade attempts (at most 50). Default none.")
    List<String> testers,
    @Schema(description = "Public address, checked over HTTP after an upgrade", example = "https://mysite.example.org",
        maxLength = SiteValidator.MAX_PATH)
    String url,
    @Schema(description = "Announced with an upgrade attempt", maxLength = SiteValidator.MAX_PATH)
    String releaseNotesUrl,
    @Schema(description = "Argv lists (never shell lines), run in order. Default: sudo service apache2, supervisor"
        + " and cron stop/start, sudo service nginx restart.")
    ServiceCommands serviceCommands,
    @Schema(description = "Four-eyes rule: who started a run may not sign it off. Default false.")
    Boolean fourEyes,
    @Schema(description = "The Lino host whose step agent (conductor.agent.host) runs the site's steps:"
        + " [a-z0-9][a-z0-9_-]{0,62}, a short name without dots. Left out: the server's own worker runs them.",
        example = "lino1", maxLength = SiteValidator.MAX_HOST)
    String host) {

  /** A registration without a host: the server's own worker runs the site's steps. */
  public SiteRequest(String name, String root, String directory, SiteState state, DatabaseKind databaseKind,
      Boolean usesElastic, String contact, List<String> testers, String url, String releaseNotesUrl,
      ServiceCommands serviceCommands, Boolean fourEyes) {
    this(name, root, directory, state, databaseKind, usesElastic, contact, testers, url, releaseNotesUrl,
        serviceCommands, fourEyes, null);
  }

  /** The registration of {@code site} as a request: what PATCH applies its changes to. */
  static SiteRequest of(Site site) {
    return new SiteRequest(site.name(), site.root().toString(), site.directory().toString(), site.state(),
        site.databaseKind(), site.usesElastic(), site.contact(), site.testers(), site.url(), site.releaseNotesUrl(),
        site.serviceCommands(), site.fourEyes(), site.host());
  }

  SiteRequest with(String newName, SiteState newState) {
    return new SiteRequest(newName, root, directory, newState, databaseKind, usesElastic, contact, testers, url,
        releaseNotesUrl, serviceCommands, fourEyes, host);
  }

  /**
   * Fills what was left out: state PRODUCTION (a site registered by hand is usually the running
   * one; preview-setup registers its own), SQLite (Lino's default), no elastic, no testers,
   * {@link ServiceCommands#DEFAULTS} and no four-eyes rule.
   */
  SiteRequest withDefaults() {
    return new SiteRequest(name, root, directory,
        state == null ? SiteState.PRODUCTION : state,
        databaseKind == null ? DatabaseKind.SQLITE : databaseKind,
        usesElastic != null && usesElastic,
        contact,
        testers == null ? List.of() : testers,
        url, releaseNotesUrl,
        serviceCommands == null ? ServiceCommands.DEFAULTS : serviceCommands,
        fourEyes != null && fourEyes,
        host);
  }
}
