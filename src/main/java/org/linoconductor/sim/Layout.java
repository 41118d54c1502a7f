package org.linoconductor.sim;

/** The two ways getlino installs a site's Lino packages (LINO.md, "Two layouts"). */
public enum Layout {
  /** Git checkouts in {@code env/repositories/<name>}, installed for development; pull.sh runs git pull. */
  GIT,
  /** Packages pip-installed into the env's site-packages; pull.sh runs {@code pip install -U}. */
  PIP
}
