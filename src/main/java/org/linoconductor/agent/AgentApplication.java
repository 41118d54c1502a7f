package org.linoconductor.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepProperties;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Profile;

/**
 * The step agent: the same jar with profile {@code agent} (ConductorApplication runs this instead of the
 * server). No engine, no database, no web server (application-agent.yaml): only the shell, the steps
 * ({@link AgentComponents}) with the records they keep on the server reached over its API, and the worker
 * that fetches them from the central Conductor.
 */
@Configuration(proxyBeanMethods = false)
@Profile("agent")
@EnableAutoConfiguration
@ConfigurationPropertiesScan("org.linoconductor")
@ComponentScan(basePackages = "org.linoconductor", useDefaultFilters = false,
    includeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AgentComponents.class))
public class AgentApplication {

  @Bean
  ServerConnection serverConnection(AgentProperties agent, StepProperties steps, ObjectMapper json) {
    return new ServerConnection(agent, steps.node(), json);
  }

  @Bean
  ServerCodeStates serverCodeStates(ServerConnection server) {
    return new ServerCodeStates(server);
  }

  @Bean
  ServerCopyRecords serverCopyRecords(ServerConnection server) {
    return new ServerCopyRecords(server);
  }

  @Bean
  AgentWorker agentWorker(AgentProperties agent, StepProperties properties, ShellProperties shellProperties,
      ShellRunner shell, ServerConnection server, List<Step> steps) {
    return new AgentWorker(agent, properties, shellProperties, shell, server, steps);
  }
}
