package org.linoconductor.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The last lines of the demo's start-up log: where to sign in, and as whom. */
@Component
@Profile("demo")
class SignInHint {

  private static final Logger log = LoggerFactory.getLogger(SignInHint.class);

  private final DemoProperties properties;

  SignInHint(DemoProperties properties) {
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void tellWhereToSignIn(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String base = "http://" + env.getProperty("server.address", "127.0.0.1") + ":"
        + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    log.info("""
        DEMO-000 Lino Conductor is ready.
          Runs (audit trail):      {}/runs
          Cockpit (watch runs):    {}/camunda/app/cockpit/
          Tasklist (sign off):     {}/camunda/app/tasklist/
          Admin (users, groups):   {}/camunda/app/admin/
          REST API:                {}/engine-rest/  and  {}/api/sites
          Sign in as operator/operator (operators) or tester/tester (tester of site anna, not of carla).
          Demo sites: {} (prod -> {}) and {} in a second root; start process 'Site snapshot' with site={}.""",
        base, base, base, base, base, base, properties.base().resolve("lino").resolve(DemoInstallation.SITE),
        DemoInstallation.SITE, DemoInstallation.OTHER_SITE, DemoInstallation.SITE);
  }
}
