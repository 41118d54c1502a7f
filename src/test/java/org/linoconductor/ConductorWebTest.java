package org.linoconductor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with its own in-memory database. Every test class with
 * this annotation shares one application context. Profile "test", so no demo users: each test
 * creates the users it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:conductor-web-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "conductor.steps.log-dir=target/step-logs",
      "conductor.steps.lock-duration=6s",
      // The simulated installation's upgrades log (TestLino lays it out under target/test-lino-<pid>).
      "conductor.preview.upgrades-log=target/test-lino-${PID}/log/upgrades.log",
      // preview-setup against the simulated installation: its make-env stands in for virtualenv + getlino.
      "conductor.preview.make-env-command={root}/../bin/make-env,{site}",
      "conductor.preview.vhost-dir=target/test-vhosts",
      // Every test calls from 127.0.0.1: one test's wrong passwords must not slow down the next test.
      // The limit per address is attacked in ThrottlingAttackTest, in a context of its own.
      "conductor.sign-in.address.free-failures=1000",
      // Spring Boot's tests turn every metrics export off; /actuator/prometheus is tested (monitor/).
      "management.prometheus.metrics.export.enabled=true"
    })
@ActiveProfiles("test")
public @interface ConductorWebTest {}
