package org.linoconductor.agent;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A step agent in the test JVM: its own application context, talking to the server over real HTTP. */
final class StepAgents {

  private StepAgents() {}

  static ConfigurableApplicationContext start(int serverPort, String host, String user, String password,
      String node) {
    return new SpringApplicationBuilder(AgentApplication.class).profiles("agent").properties(
        "conductor.agent.server-url=http://127.0.0.1:" + serverPort,
        "conductor.agent.host=" + host,
        "conductor.agent.user=" + user,
        "conductor.agent.password=" + password,
        "conductor.agent.long-poll=5s",
        "conductor.steps.node=" + node,
        "conductor.steps.lock-duration=6s",
        "conductor.steps.log-dir=target/agent-logs/" + node,
        "conductor.shell.kill-grace=500ms",
        "spring.main.banner-mode=off").run();
  }
}
