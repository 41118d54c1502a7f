package org.linoconductor.notify;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail to people of Camunda's user store (their e-mail addresses there): site contacts and testers
 * about an attempt, operators about a failed nightly sync. Optional: without {@code spring.mail.host}
 * there is no mail sender, and the text is only logged; a mail that cannot be sent is logged too and
 * never stops a run.
 */
@Component
public class Mail {

  private static final Logger log = LoggerFactory.getLogger(Mail.class);

  private final Optional<JavaMailSender> sender;
  private final IdentityService identity;
  private final String from;

  Mail(Optional<JavaMailSender> sender, IdentityService identity,
      @Value("${conductor.mail-from:conductor@localhost}") String from) {
    this.sender = sender;
    this.identity = identity;
    this.from = from;
  }

  /** The addresses of these Camunda users, those who have one. */
  public List<String> addresses(Collection<String> userIds) {
    List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list().stream().map(User::getEmail)
        .filter(mail -> mail != null && !mail.isBlank()).distinct().sorted().toList();
  }

  /** The addresses of the members of a Camunda group, e.g. the operators. */
  public List<String> groupAddresses(String groupId) {
    return addresses(identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList());
  }

  /** Sends the mail when a sender is configured and there are addresses; returns whether it was sent. */
  public boolean send(List<String> to, String subject, String text) {
    return send(sender.orElse(null), from, to, subject, text);
  }

  public static boolean send(JavaMailSender sender, String from, List<String> to, String subject, String text) {
    if (sender == null || to.isEmpty()) {
      log.info("MAIL-002 no mail sent ({}): {}", sender == null ? "no spring.mail.host configured"
          : "none of the recipients has an e-mail address in Camunda's user store", subject);
      return false;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to.toArray(String[]::new));
    message.setSubject(subject);
    message.setText(text);
    try {
      sender.send(message);
      log.info("MAIL-003 mail '{}' sent to {}", subject, to);
      return true;
    } catch (MailException e) {
      log.warn("MAIL-004 mail '{}' to {} could not be sent: {}", subject, to, e.getMessage());
      return false;
    }
  }
}
