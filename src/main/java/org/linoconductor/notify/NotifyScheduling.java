package org.linoconductor.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler: {@link WaitingDecisionMail} looks at the waiting tasks now and then. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotifyScheduling {}
