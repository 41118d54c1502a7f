package org.linoconductor.notify;

import java.util.List;
import org.linoconductor.preview.NightlySyncEnded;
import org.linoconductor.preview.NightlySyncResult;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * A night whose syncs failed or were skipped, mailed to the operators: nobody watches Tasklist at
 * night, and a preview that was not synced shows yesterday's data to its testers.
 */
@Component
class NightlySyncMail {

  private final Mail mail;
  private final Recipients recipients;

  NightlySyncMail(Mail mail, Recipients recipients) {
    this.mail = mail;
    this.recipients = recipients;
  }

  /** Once the engine's transaction has committed: a slow mail server never holds it open. */
  @TransactionalEventListener(fallbackExecution = true)
  void ended(NightlySyncEnded nightly) {
    List<NightlySyncResult> failed = of(nightly, Result.FAILED);
    List<NightlySyncResult> skipped = of(nightly, Result.SKIPPED);
    if (!failed.isEmpty() || !skipped.isEmpty()) {
      mail.send(recipients.operators(), subject(failed, skipped), text(nightly.nightlyRun(), failed, skipped));
    }
  }

  static String subject(List<NightlySyncResult> failed, List<NightlySyncResult> skipped) {
    String failedText = failed.isEmpty() ? "" : previews(failed.size()) + " failed";
    String skippedText = skipped.isEmpty() ? "" : (failed.isEmpty() ? previews(skipped.size()) : skipped.size())
        + " skipped";
    return "Nightly sync: " + failedText + (failedText.isEmpty() || skippedText.isEmpty() ? "" : ", ") + skippedText;
  }

  static String text(String nightly, List<NightlySyncResult> failed, List<NightlySyncResult> skipped) {
    StringBuilder text = new StringBuilder("The nightly sync (run " + nightly + ")");
    if (!failed.isEmpty()) {
      text.append(" could not sync:\n\n");
      failed.forEach(r -> text.append("- ").append(r.site()).append(": ").append(r.detail()).append('\n'));
      text.append("\nEach failed sync waits for a decision in Tasklist (retry or abort); /runs shows its steps"
          + " and logs.\n");
    }
    if (!skipped.isEmpty()) {
      text.append(failed.isEmpty() ? " skipped:\n\n" : "\nIt skipped:\n\n");
      skipped.forEach(r -> text.append("- ").append(r.site()).append(": ").append(r.detail()).append('\n'));
      text.append("\nA skipped preview keeps yesterday's data until the next night, or a sync started by hand.\n");
    }
    return text.toString();
  }

  private static String previews(int count) {
    return count + " preview" + (count == 1 ? "" : "s");
  }

  private static List<NightlySyncResult> of(NightlySyncEnded nightly, Result result) {
    return nightly.results().stream().filter(r -> r.result() == result).toList();
  }
}
