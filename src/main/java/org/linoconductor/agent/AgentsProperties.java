package org.linoconductor.agent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's side of the step agents ({@code conductor.agents.*}).
 *
 * @param absentAfter a host whose agent has not asked for work for this long has none: its runs wait
 * @param maxTasks the most tasks one fetch of an agent may lock, whatever it asks for
 */
@ConfigurationProperties("conductor.agents")
public record AgentsProperties(
    @DefaultValue("90s") Duration absentAfter,
    @DefaultValue("4") int maxTasks) {}
