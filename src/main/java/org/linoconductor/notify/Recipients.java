package org.linoconductor.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.springframework.stereotype.Component;

/** Who a mail about a run goes to: always the operators, and the people of a site where it concerns them. */
@Component
class Recipients {

  private final Mail mail;
  private final SiteRegistry sites;

  Recipients(Mail mail, SiteRegistry sites) {
    this.mail = mail;
    this.sites = sites;
  }

  List<String> operators() {
    return mail.groupAddresses(ConductorGroups.OPERATORS);
  }

  /** The operators and the site's contact (when the site and its contact are known). */
  List<String> operatorsAndContactOf(String site) {
    return operatorsAnd(site == null ? List.of()
        : sites.find(site).map(Site::contact).filter(contact -> contact != null).map(List::of).orElse(List.of()));
  }

  List<String> operatorsAnd(Collection<String> userIds) {
    List<String> all = new ArrayList<>(operators());
    mail.addresses(userIds).stream().filter(address -> !all.contains(address)).forEach(all::add);
    return all;
  }
}
