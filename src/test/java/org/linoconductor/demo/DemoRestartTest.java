package org.linoconductor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorApplication;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo as `mvn spring-boot:run` starts it, twice on the same data: nothing twice, no errors. */
class DemoRestartTest {

  @TempDir Path data;

  @Test
  void aSecondStartReusesTheDemoDataWithoutDuplicates() {
    String[] args = {
      "--spring.datasource.url=jdbc:h2:file:" + data.resolve("conductor") + ";DB_CLOSE_ON_EXIT=FALSE",
      "--conductor.demo.base=" + data.resolve("demo"),
      "--conductor.steps.log-dir=" + data.resolve("logs"),
      "--server.port=0",
      // Camunda's web applications keep static state that this closing context would clear under
      // the other test contexts' feet.
      "--camunda.bpm.webapp.enabled=false",
      "--camunda.bpm.process-engine-name=demoRestart",
      "--camunda.bpm.job-execution.enabled=false"};

    try (ConfigurableApplicationContext first = SpringApplication.run(ConductorApplication.class, args)) {
      assertThat(first.getEnvironment().getActiveProfiles()).isEmpty(); // the default profile: demo
      assertDemo(first);
    }
    Path anna = data.resolve("demo/lino/anna");
    assertThat(anna.resolve("manage.py")).exists();
    assertThat(data.resolve("demo/lino/prod")).isSymbolicLink();
    SimulatedLino lino = SimulatedLino.open(data.resolve("demo"));
    assertThat(lino.upstreamVersion()).as("a release waits upstream").isEqualTo(DemoInstallation.PENDING_RELEASE);
    assertThat(lino.site("anna").version()).isNotEqualTo(DemoInstallation.PENDING_RELEASE);

    try (ConfigurableApplicationContext second = SpringApplication.run(ConductorApplication.class, args)) {
      assertDemo(second);
    }
  }

  private static void assertDemo(ConfigurableApplicationContext context) {
    SiteRegistry sites = context.getBean(SiteRegistry.class);
    assertThat(sites.all()).extracting(Site::name).containsExactlyInAnyOrder("anna", "carla");
    assertThat(sites.all()).allSatisfy(site -> {
      assertThat(site.state()).isEqualTo(SiteState.PRODUCTION);
      assertThat(Files.isDirectory(site.directory())).isTrue();
      assertThat(SiteLinks.target(site.root(), SiteLinks.PROD)).hasValue(site.name());
    });
    assertThat(sites.require("carla").root()).isNotEqualTo(sites.require("anna").root());
    assertThat(sites.require("carla").testers()).isEmpty();
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    assertThat(engine.getIdentityService().createUserQuery().list()).extracting("id")
        .containsExactlyInAnyOrder("operator", "tester");
    assertThat(engine.getIdentityService().checkPassword("operator", "operator")).isTrue();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("site-snapshot")
        .count()).isOne();
  }
}
