package org.linoconductor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorApplication;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteNames;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo as `mvn spring-boot:run` starts it, three times on the same data: ready before it answers,
 * nothing twice, no errors, and nothing made again that the processes have moved on.
 */
class DemoRestartTest {

  @TempDir Path data;

  @Test
  void aSecondStartReusesTheDemoDataWithoutDuplicatesAndNoStartRemakesASiteTheProcessesMovedOn() throws Exception {
    String[] args = DemoInThisJvm.arguments(data, "--camunda.bpm.process-engine-name=demoRestart",
        "--camunda.bpm.job-execution.enabled=false");

    ReadyWhenServing ready = new ReadyWhenServing();
    SpringApplication firstStart = new SpringApplication(ConductorApplication.class);
    firstStart.addListeners(ready);
    try (ConfigurableApplicationContext first = firstStart.run(args)) {
      assertThat(first.getEnvironment().getActiveProfiles()).isEmpty(); // the default profile: demo
      assertThat(ready.found).as("what the first request may ask for, there when the web server starts")
          .containsExactlyInAnyOrder("site anna", "site carla", "site dora", "user operator", "user tester",
              "user agent");
      assertDemo(first);
    }
    Path anna = data.resolve("demo/lino/anna");
    assertThat(anna.resolve("manage.py")).exists();
    assertThat(anna.resolve(".sim")).as("where the README's scenario switches go").isDirectory();
    assertThat(data.resolve("demo/lino/prod")).isSymbolicLink();
    SimulatedLino lino = SimulatedLino.open(data.resolve("demo"));
    assertThat(lino.upstreamVersion()).as("a release waits upstream").isEqualTo(DemoInstallation.PENDING_RELEASE);
    assertThat(lino.site("anna").version()).isNotEqualTo(DemoInstallation.PENDING_RELEASE);

    try (ConfigurableApplicationContext second = SpringApplication.run(ConductorApplication.class, args)) {
      assertDemo(second);
      // The README's way on: berta set up, accepted (anna OLD, prod -> berta), anna archived.
      archiveAnnaAfterBertaWasAccepted(second.getBean(SiteRegistry.class), lino);
    }
    String upstream = upstreamHead();

    try (ConfigurableApplicationContext third = SpringApplication.run(ConductorApplication.class, args)) {
      SiteRegistry sites = third.getBean(SiteRegistry.class);
      assertThat(anna).as("anna is not made again").doesNotExist();
      assertThat(SiteLinks.target(lino.root(), SiteLinks.PROD)).hasValue("berta");
      assertThat(sites.require("berta").state()).isEqualTo(SiteState.PRODUCTION);
      assertThat(sites.require("anna").state()).isEqualTo(SiteState.ARCHIVED);
      assertThat(upstreamHead()).as("no release published again").isEqualTo(upstream);
    }
  }

  private static void archiveAnnaAfterBertaWasAccepted(SiteRegistry sites, SimulatedLino lino) throws IOException {
    Path root = lino.root();
    lino.createSite("berta");
    sites.register(new SiteRequest("berta", root.toString(), "berta", SiteState.PREVIEW, null, null, "tester",
        List.of("tester"), null, null, sites.require("anna").serviceCommands(), null), "operator", "run-setup");
    sites.changeState("anna", SiteState.OLD, "tester", "run-attempt");
    sites.changeState("berta", SiteState.PRODUCTION, "tester", "run-attempt");
    SiteLinks.point(root, SiteLinks.PROD, "berta");
    Path archived = Files.createDirectories(root.resolve(SiteNames.ARCHIVE)).resolve("anna");
    Files.move(root.resolve("anna"), archived);
    sites.archive("anna", archived, "operator", "run-archive");
  }

  private String upstreamHead() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(data.resolve("demo/upstream/lino").toFile())
        .redirectErrorStream(true).start();
    String head = new String(git.getInputStream().readAllBytes()).strip();
    assertThat(git.waitFor()).as(head).isZero();
    return head;
  }

  /** What exists when the web server has started, and so may answer. */
  private static final class ReadyWhenServing implements ApplicationListener<WebServerInitializedEvent> {

    final List<String> found = new ArrayList<>();

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
      ApplicationContext context = event.getApplicationContext();
      context.getBean(SiteRegistry.class).all().forEach(site -> found.add("site " + site.name()));
      context.getBean(ProcessEngine.class).getIdentityService().createUserQuery().list()
          .forEach(user -> found.add("user " + user.getId()));
    }
  }

  private static void assertDemo(ConfigurableApplicationContext context) {
    SiteRegistry sites = context.getBean(SiteRegistry.class);
    assertThat(sites.all()).extracting(Site::name).containsExactlyInAnyOrder("anna", "carla", "dora");
    assertThat(sites.all()).allSatisfy(site -> {
      assertThat(site.state()).isEqualTo(SiteState.PRODUCTION);
      assertThat(Files.isDirectory(site.directory())).isTrue();
      assertThat(SiteLinks.target(site.root(), SiteLinks.PROD)).hasValue(site.name());
    });
    assertThat(sites.require("carla").root()).isNotEqualTo(sites.require("anna").root());
    assertThat(sites.require("carla").testers()).isEmpty();
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    assertThat(engine.getIdentityService().createUserQuery().list()).extracting("id")
        .containsExactlyInAnyOrder("operator", "tester", "agent");
    assertThat(engine.getIdentityService().checkPassword("operator", "operator")).isTrue();
    assertThat(sites.require("dora").host()).as("its steps are the step agent's of h1").isEqualTo("h1");
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("agent").list()).extracting("id")
        .containsExactlyInAnyOrder("conductor-agents", "host-h1");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("site-snapshot")
        .count()).isOne();
  }
}
