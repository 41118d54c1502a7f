package org.linoconductor.site;

import org.linoconductor.api.ApiException;
import org.linoconductor.input.Shown;
import org.springframework.http.HttpStatus;

/** Asked for a site that is not registered. */
public class UnknownSiteException extends ApiException {

  public UnknownSiteException(String name) {
    super(HttpStatus.NOT_FOUND, "name",
        "Unknown site " + Shown.quoted(name) + ": register it under /api/sites or in the sites YAML");
  }
}
