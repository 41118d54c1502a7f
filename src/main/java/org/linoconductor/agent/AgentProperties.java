package org.linoconductor.agent;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * A step agent ({@code conductor.agent.*}, profile {@code agent}): where the central Conductor is, which
 * host's steps it runs, and its user there (a member of conductor-agents and of host-{@code host}). Its
 * node name, lock duration, concurrency, log directory and timeouts are {@code conductor.steps.*}, as on
 * the server.
 *
 * @param longPoll how long one fetch waits at the server for a task to appear (no sleep in between)
 * @param liveLogEvery how often a running step's last log lines are sent to the server, when they changed
 */
@Validated
@Profile("agent") // the server has none of these
@ConfigurationProperties("conductor.agent")
public record AgentProperties(
    @NotBlank String serverUrl,
    @NotBlank String host,
    @NotBlank String user,
    @NotBlank String password,
    @DefaultValue("20s") Duration longPoll,
    @DefaultValue("1s") Duration liveLogEvery) {

  @Override
  public String toString() {
    return "AgentProperties[serverUrl=" + serverUrl + ", host=" + host + ", user=" + user + ", longPoll=" + longPoll
        + ", liveLogEvery=" + liveLogEvery + "]";
  }
}
