package org.linoconductor.site;

import java.util.regex.Pattern;

/**
 * A site's public address as the forms of Tasklist show it (Markdown): a link when the registry knows
 * an http(s) URL, else a sentence saying that it does not. Anything else in the registry's URL is never
 * made a link (a {@code javascript:} URL would run in Tasklist).
 */
public final class SiteAddress {

  /** Process variable the sign-off and attempt forms show. */
  public static final String VARIABLE = "siteAddress";
  private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s()<>\\[\\]`\"'\\\\]+");

  private SiteAddress() {}

  /** @param url the registry's URL of the site, or null */
  public static String markdown(String url) {
    if (url == null || url.isBlank()) {
      return "unknown: the site's registration has no URL (an operator can add it in the site registry)";
    }
    if (!WEB_URL.matcher(url).matches()) {
      return "unknown: the site's registered URL is not an http(s) address";
    }
    return "[" + url + "](" + url + ")";
  }
}
