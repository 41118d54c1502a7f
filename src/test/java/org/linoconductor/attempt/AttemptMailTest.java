package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linoconductor.notify.Mail;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The announcement as mail, against GreenMail; and no mail (only the log) without a mail server. */
class AttemptMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

  @Test
  void theAnnouncementReachesEveryAddressWithDateTimeDurationReleaseNotesAndTheWarning() throws Exception {
    var start = LocalDateTime.parse("2030-01-15T18:00").atZone(ZONE).toInstant();
    String text = AttemptAnnouncement.text("anna", "berta", start, Duration.ofHours(1),
        "https://example.org/notes", "https://anna.example.org", TimeoutDecision.CANCEL, ZONE);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());

    boolean sent = Mail.send(sender, "conductor@example.org", List.of("ann@example.org", "tom@example.org"),
        AttemptAnnouncement.subject("anna", start, ZONE), text);

    assertThat(sent).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("Upgrade attempt of anna on Tuesday 15 January 2030 at 18:00 CET");
    assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("ann@example.org", "tom@example.org");
    assertThat(mail.getFrom()[0]).hasToString("conductor@example.org");
    assertThat(GreenMailUtil.getBody(mail).replace("\r\n", "\n")).contains("Date: Tuesday 15 January 2030",
        "Time: 18:00 CET to 19:00 CET", "Duration: 1 hour (PT1H)", "Release notes: https://example.org/notes",
        "Address: https://anna.example.org", "will be LOST if the attempt is cancelled",
        "REMAIN if the attempt succeeds", "Without a decision by the end of the attempt it is cancelled.");
  }

  @Test
  void theResultOfAnAttemptNobodyDecidedSaysItWasAcceptedBecauseNobodyDecided() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());

    Mail.send(sender, "conductor@example.org", List.of("ann@example.org"),
        AttemptAnnouncement.resultSubject(AttemptEnding.ACCEPTED_AT_TIME_OUT, "anna"),
        AttemptAnnouncement.result(AttemptEnding.ACCEPTED_AT_TIME_OUT, "anna", "berta", null, null, null));

    MimeMessage mail = greenMail.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Upgrade attempt of anna: timed out, accepted");
    assertThat(mail.getContent().toString().strip()).isEqualTo("The upgrade attempt of anna timed out: nobody"
        + " decided in time, so it was accepted, the default decision when time is up. The new version (berta)"
        + " stays production, with the changes made during the attempt; anna is kept as the old site.");
  }

  @Test
  void anAnnouncementOfAnAttemptAcceptedWhenNobodyDecidesSaysSo() {
    String text = AttemptAnnouncement.text("anna", "berta", java.time.Instant.parse("2030-01-15T17:00:00Z"),
        Duration.ofHours(1), null, null, TimeoutDecision.ACCEPT, ZONE);
    assertThat(text).endsWith("Without a decision by the end of the attempt it is accepted: the new version stays"
        + " production.\n");
  }

  @Test
  void theReminderSaysHowSoonTheAttemptStartsAndRepeatsTheAnnouncement() {
    assertThat(AttemptAnnouncement.reminder("Dear users", Duration.ofMinutes(15)))
        .isEqualTo("Reminder: the upgrade attempt starts in 15 minutes.\n\nDear users");
  }

  @Test
  void withoutAMailServerOrAddressesNothingIsSent() {
    assertThat(Mail.send(null, "conductor@example.org", List.of("ann@example.org"), "s", "t")).isFalse();
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());
    assertThat(Mail.send(sender, "conductor@example.org", List.of(), "s", "t")).isFalse();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void anUnreachableMailServerDoesNotStopTheRun() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(1); // nothing listens there
    assertThat(Mail.send(sender, "conductor@example.org", List.of("ann@example.org"), "s", "t")).isFalse();
  }
}
