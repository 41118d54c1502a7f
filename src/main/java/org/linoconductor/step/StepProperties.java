package org.linoconductor.step;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the in-process step worker runs.
 *
 * @param node this Conductor's name: the external-task worker id and the node of every step record
 * @param lockDuration how long a fetched task stays locked; kept short and renewed by heartbeats,
 *     so that a crashed node's tasks become visible again soon
 * @param concurrency how many steps (on different sites) may run at the same time
 * @param logDir where each step's full output is written, one file per command
 * @param defaultTimeout the timeout of a command whose step names none in {@code timeouts}
 * @param timeouts per step topic, e.g. {@code restore-snapshot: 6h}
 * @param idleFetchInterval how long the worker waits, when nobody rings, before it looks for work it was
 *     not told of (a task of another node, retries set in Cockpit, a run activated again): the next
 *     step of a run never waits for it, its task rings when created
 */
@Validated
@ConfigurationProperties("conductor.steps")
public record StepProperties(
    String node,
    @NotNull @DefaultValue("30s") Duration lockDuration,
    @Min(1) @DefaultValue("4") int concurrency,
    @NotNull @DefaultValue("./data/logs") Path logDir,
    @NotNull @DefaultValue("2h") Duration defaultTimeout,
    @DefaultValue Map<String, Duration> timeouts,
    @DefaultValue("true") boolean workerEnabled,
    @NotNull @DefaultValue("1s") Duration idleFetchInterval) {

  public StepProperties {
    if (node == null || node.isBlank()) {
      node = hostName();
    }
    timeouts = Map.copyOf(timeouts);
  }

  Duration timeoutOf(String topic) {
    return timeouts.getOrDefault(topic, defaultTimeout);
  }

  /**
   * The directory of one run's step logs ({@code <log dir>/<run>}); empty when {@code run}, which may come
   * from a request or an agent, would lead out of the log directory.
   */
  public Optional<Path> runLogDir(String run) {
    Path root = logDir.normalize();
    Path dir = root.resolve(run).normalize();
    return dir.startsWith(root) && !dir.equals(root) ? Optional.of(dir) : Optional.empty();
  }

  /** Heartbeats renew the lock three times per lock duration so one late beat does not lose it. */
  Duration heartbeat() {
    return lockDuration.dividedBy(3);
  }

  private static String hostName() {
    try {
      return "conductor@" + InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "conductor@localhost";
    }
  }
}
