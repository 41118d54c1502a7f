package org.linoconductor;

import org.linoconductor.agent.AgentApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Profile;

/**
 * Lino Conductor: upgrades of Lino sites as BPMN processes on an embedded Camunda 7 engine. With the
 * profile {@code agent} the same jar is a step agent instead ({@link AgentApplication}): no engine, no
 * web applications, only the steps of its host.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Profile("!agent")
public class ConductorApplication {

  public static void main(String[] args) {
    SpringApplication.run(new Class<?>[] {ConductorApplication.class, AgentApplication.class}, args);
  }
}
