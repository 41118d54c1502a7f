package org.linoconductor.agent;

import org.camunda.bpm.engine.ExternalTaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The server's side of the step agents: their external-task calls pass {@link AgentFetchFilter}. */
@Configuration(proxyBeanMethods = false)
@Profile("!agent")
class AgentServerConfiguration {

  /** After Spring Security (which signs the agent in), before Camunda's REST servlet. */
  @Bean
  FilterRegistrationBean<AgentFetchFilter> agentFetchFilter(ExternalTaskService engine, AgentPresence presence,
      AgentsProperties properties) {
    var registration = new FilterRegistrationBean<>(new AgentFetchFilter(engine, presence, properties));
    registration.addUrlPatterns("/engine-rest/external-task/*");
    registration.setOrder(0);
    return registration;
  }
}
