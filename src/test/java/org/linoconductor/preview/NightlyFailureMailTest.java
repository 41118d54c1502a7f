package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linoconductor.notify.Mail;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The operators' mail about a night whose syncs failed, delivered to a real SMTP server (GreenMail). */
class NightlyFailureMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void theOperatorsLearnWhichPreviewsFailedAndWhereTheyWait() throws Exception {
    List<NightlySyncResult> failures = List.of(
        new NightlySyncResult("night-1", "berta", Result.FAILED, "sync-1", "waits at Adapt restore2preview.py"),
        new NightlySyncResult("night-1", "carla", Result.FAILED, "sync-2", "waits at Decide on failed sync"));
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());

    boolean sent = Mail.send(sender, "conductor@example.org", List.of("ops@example.org"),
        ReportNightlySyncDelegate.failureSubject(failures), ReportNightlySyncDelegate.failureText("night-1", failures));

    assertThat(sent).isTrue();
    var received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Nightly sync: 2 previews failed");
    assertThat(GreenMailUtil.getBody(received[0]).replace("\r\n", "\n")).contains("run night-1",
        "- berta: waits at Adapt restore2preview.py", "- carla: waits at Decide on failed sync", "Tasklist");
  }
}
