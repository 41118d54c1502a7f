package org.linoconductor.site;

import java.util.Set;

/** A site's life cycle: {@code PREVIEW → PRODUCTION → OLD → ARCHIVED}. */
public enum SiteState {
  PREVIEW,
  PRODUCTION,
  OLD,
  ARCHIVED;

  /**
   * The changes the procedures make: an accepted attempt promotes the preview and retires the old
   * production; an abandoned preview and an old site are archived; an old site returns to
   * production when an accepted upgrade is rolled back.
   */
  public boolean canBecome(SiteState next) {
    return switch (this) {
      case PREVIEW -> Set.of(PRODUCTION, ARCHIVED).contains(next);
      case PRODUCTION -> next == OLD;
      case OLD -> Set.of(PRODUCTION, ARCHIVED).contains(next);
      case ARCHIVED -> false;
    };
  }
}
