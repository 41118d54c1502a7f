package org.linoconductor.notify;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code conductor.notify.*}: when Conductor mails people on its own (the mail server itself is
 * {@code spring.mail.*}; without {@code spring.mail.host} every mail is only logged).
 *
 * @param decisionWaitingAfter a task that has waited this long for a decision is mailed about, once
 * @param checkEvery how often waiting tasks are looked at
 * @param pagesUrl the address people reach Conductor at (e.g. {@code https://conductor.example.org}), for
 *     the links in mails; unset: the mails give paths ({@code /runs/…}) only
 */
@Validated
@ConfigurationProperties("conductor.notify")
record NotifyProperties(
    @NotNull @DefaultValue("PT4H") Duration decisionWaitingAfter,
    @NotNull @DefaultValue("PT5M") Duration checkEvery,
    String pagesUrl) {

  /** A page of Conductor's as a mail names it. */
  String page(String path) {
    return pagesUrl == null || pagesUrl.isBlank() ? path : pagesUrl.replaceAll("/+$", "") + path;
  }
}
