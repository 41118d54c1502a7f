package org.linoconductor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.TestLino;
import org.linoconductor.audit.RunEnded;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.preview.NightlySyncEnded;
import org.linoconductor.preview.NightlySyncResult;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mails Conductor sends of its own, through a real SMTP server (GreenMail) to the addresses of real
 * Camunda users: the end of a production upgrade, a night whose syncs failed or were skipped, a decision
 * waiting too long (a real run waiting at its decision).
 */
@ConductorWebTest
class OperatorMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String OPERATOR_MAIL = "ops@example.org";
  private static final String CONTACT_MAIL = "contact@example.org";

  @Autowired IdentityService identity;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RunIdentities runs;

  Mail mail;
  Recipients recipients;
  NotifyProperties properties = new NotifyProperties(Duration.ofHours(4), Duration.ofMinutes(5),
      "https://conductor.example.org/");

  @BeforeEach
  void peopleWithAddresses() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("mail_operator", "mail_operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("tester", "tester"); // the contact of TestLino's sites
    address("mail_operator", OPERATOR_MAIL);
    address("tester", CONTACT_MAIL);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(greenMail.getSmtp().getPort());
    mail = new Mail(Optional.of(sender), identity, "conductor@example.org");
    recipients = new Recipients(mail, registry);
  }

  @Test
  void theEndOfAProductionUpgradeGoesToTheOperatorsAndTheSitesContact() throws Exception {
    TestLino.productionSite(registry, "mail_upgraded");
    var upgradeMail = new UpgradeEndMail(mail, recipients, properties);

    upgradeMail.ended(new RunEnded("run-7", "production-upgrade", "mail_upgraded", RunOutcome.ROLLED_BACK));
    upgradeMail.ended(new RunEnded("run-8", "production-upgrade", "mail_upgraded", RunOutcome.DRY_RUN));
    upgradeMail.ended(new RunEnded("run-9", "site-snapshot", "mail_upgraded", RunOutcome.SUCCEEDED));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject).containsOnly("Upgrade of mail_upgraded: rolled back");
    assertThat(recipients(received)).contains(OPERATOR_MAIL, CONTACT_MAIL);
    assertThat(body(received[0])).contains("has ended: ROLLED_BACK", "put back as it was before the upgrade",
        "https://conductor.example.org/runs/run-7");
  }

  @Test
  void aNightWithFailedOrSkippedSyncsGoesToTheOperatorsAndAGoodNightToNobody() throws Exception {
    var nightlyMail = new NightlySyncMail(mail, recipients);

    nightlyMail.ended(new NightlySyncEnded("night-0", List.of(
        new NightlySyncResult("night-0", "berta", Result.SYNCED, "sync-0", "synced"))));
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    nightlyMail.ended(new NightlySyncEnded("night-1", List.of(
        new NightlySyncResult("night-1", "berta", Result.FAILED, "sync-1", "waits at Adapt restore2preview.py"),
        new NightlySyncResult("night-1", "carla", Result.SKIPPED, null, "busy with another run"),
        new NightlySyncResult("night-1", "dora", Result.SYNCED, "sync-2", "synced"))));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject).containsOnly("Nightly sync: 1 preview failed, 1 skipped");
    assertThat(recipients(received)).contains(OPERATOR_MAIL).doesNotContain(CONTACT_MAIL);
    assertThat(body(received[0])).contains("run night-1", "- berta: waits at Adapt restore2preview.py",
        "It skipped:", "- carla: busy with another run", "Tasklist").doesNotContain("dora");
  }

  @Test
  void aDecisionWaitingLongerThanConfiguredIsMailedAboutOnce() throws Exception {
    SimulatedSite site = TestLino.productionSite(registry, "mail_waiting");
    site.enable(Scenario.EMPTY_SNAPSHOT, "");
    String run;
    try {
      run = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(StepVariables.SITE, "mail_waiting"))
          .getId();
      await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(run)
          .taskDefinitionKey(SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT).count() == 1);
    } finally {
      site.disable(Scenario.EMPTY_SNAPSHOT);
    }
    var waitingMail = new WaitingDecisionMail(tasks, runs, registry, mail, recipients, properties);

    assertThat(waitingMail.remindAsOf(Instant.now().plus(Duration.ofHours(3)))).isZero();
    assertThat(waitingMail.remindAsOf(Instant.now().plus(Duration.ofHours(5)))).isPositive();
    assertThat(waitingMail.remindAsOf(Instant.now().plus(Duration.ofHours(6)))).as("once only").isZero();

    MimeMessage mine = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).endsWith("Decide on failed snapshot (site mail_waiting)")).findFirst().orElseThrow();
    assertThat(subject(mine)).startsWith("Waiting for a decision for 5 h");
    assertThat(recipients(new MimeMessage[] {mine})).contains(OPERATOR_MAIL).doesNotContain(CONTACT_MAIL);
    assertThat(body(mine)).contains("https://conductor.example.org/runs/" + run, "conductor decide ",
        "https://conductor.example.org/camunda/app/tasklist/");
    runtime.deleteProcessInstance(run, "test done");
  }

  private void address(String userId, String address) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setEmail(address);
    identity.saveUser(user);
  }

  private static List<String> recipients(MimeMessage[] messages) throws Exception {
    List<String> all = new ArrayList<>();
    for (MimeMessage message : messages) {
      Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(all::add);
    }
    return all;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text as written (decoded: a long line comes quoted-printable). */
  private static String body(MimeMessage message) throws Exception {
    return message.getContent().toString().replace("\r\n", "\n");
  }
}
