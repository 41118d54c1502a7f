package org.linoconductor.audit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.springframework.stereotype.Component;

/**
 * Who sees which runs: operators see every run; anyone else the runs of the sites they test
 * (member of {@code testers-<site>}, or named as the site's tester or contact). The user is the
 * engine's current authentication, which the security filters set for every API call and page.
 */
@Component
class RunVisibility {

  private final IdentityService identity;
  private final SiteRegistry sites;

  RunVisibility(IdentityService identity, SiteRegistry sites) {
    this.identity = identity;
    this.sites = sites;
  }

  RunScope ofCurrentUser() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null) {
      return RunScope.ofSites(Set.of()); // the filters let no anonymous request in; if one came, it sees nothing
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.contains(ConductorGroups.OPERATORS)) {
      return RunScope.ALL;
    }
    return RunScope.ofSites(sites.all().stream()
        .filter(site -> testedBy(site, user.getUserId(), groups))
        .map(Site::name)
        .collect(Collectors.toSet()));
  }

  private static boolean testedBy(Site site, String user, List<String> groups) {
    return groups.contains(ConductorGroups.testersOf(site.name())) || site.people().contains(user);
  }
}
