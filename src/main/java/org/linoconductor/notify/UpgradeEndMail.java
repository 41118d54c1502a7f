package org.linoconductor.notify;

import java.util.Locale;
import org.linoconductor.audit.RunEnded;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The end of every production upgrade (not of a dry run), mailed to the operators and the site's
 * contact: how it ended and what that means for the site. Sent once the engine's transaction has
 * committed, so a run that rolls back in the database is never announced.
 */
@Component
class UpgradeEndMail {

  private final Mail mail;
  private final Recipients recipients;
  private final NotifyProperties properties;

  UpgradeEndMail(Mail mail, Recipients recipients, NotifyProperties properties) {
    this.mail = mail;
    this.recipients = recipients;
    this.properties = properties;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void ended(RunEnded run) {
    if (!ProductionUpgradeProcess.KEY.equals(run.processKey()) || run.outcome() == RunOutcome.DRY_RUN) {
      return;
    }
    mail.send(recipients.operatorsAndContactOf(run.site()), subject(run), text(run));
  }

  static String subject(RunEnded run) {
    return "Upgrade of " + run.site() + ": " + run.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  String text(RunEnded run) {
    String meaning = switch (run.outcome()) {
      case SUCCEEDED -> "The site runs the new version; its contact confirmed that it works.";
      case ROLLED_BACK -> "The site was put back as it was before the upgrade (code, environment and database)"
          + " and runs again.";
      case SITE_DOWN -> "The site's services are STOPPED: an operator must look at it now.";
      case ABORTED -> "An operator aborted the upgrade.";
      case FAILED -> "The upgrade failed and could not be rolled back: an operator must look at the site now.";
      case CANCELLED -> "The run was cancelled (deleted in Cockpit); the site may be in between versions.";
      case TIMED_OUT -> "Nobody decided in time.";
      case DRY_RUN -> "Nothing was executed.";
    };
    return "The upgrade of site " + run.site() + " has ended: " + run.outcome() + ".\n\n" + meaning
        + "\n\nIts steps, logs and decisions: " + properties.page("/runs/" + run.processInstanceId()) + "\n";
  }
}
