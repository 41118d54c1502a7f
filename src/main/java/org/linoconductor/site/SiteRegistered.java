package org.linoconductor.site;

/** Published (as a Spring event, in the registration's transaction) when a site has been registered. */
public record SiteRegistered(String site) {}
