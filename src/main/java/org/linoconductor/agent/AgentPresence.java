package org.linoconductor.agent;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the step agent of each host last asked for work (table {@code agent_presence}, shared by the
 * server nodes). An agent long-polls: it asks again at least every {@code conductor.agents.poll-timeout},
 * so a host not seen for longer than {@code conductor.agents.absent-after} has no agent, and the runs of
 * its sites say they wait for it.
 */
@Component
@Profile("!agent")
public class AgentPresence {

  /** Written at most this often per agent: a busy agent fetches many times a second. */
  private static final Duration WRITE_EVERY = Duration.ofSeconds(2);

  private final JdbcTemplate jdbc;
  private final AgentsProperties properties;
  private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

  AgentPresence(JdbcTemplate jdbc, AgentsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** The agent {@code node} of {@code host}, signed in as {@code user}, asks for the steps of {@code topics} now. */
  void seen(String host, String node, String user, Collection<String> topics) {
    String asked = abbreviate(String.join("\n", new TreeSet<>(topics)));
    Instant now = Instant.now();
    String key = host + "\n" + node;
    Instant written = lastWritten.get(key);
    if (written != null && written.plus(WRITE_EVERY).isAfter(now)) {
      return;
    }
    lastWritten.put(key, now);
    if (jdbc.update("update agent_presence set last_seen = ?, user_id = ?, topics = ? where host = ? and node = ?",
        Timestamp.from(now), user, asked, host, node) == 0) {
      jdbc.update("insert into agent_presence (host, node, user_id, last_seen, topics) values (?, ?, ?, ?, ?)", host,
          node, user, Timestamp.from(now), asked);
    }
  }

  /** When an agent of {@code host} last asked for work, if ever. */
  public Optional<Instant> lastSeen(String host) {
    return Optional.ofNullable(jdbc.queryForObject("select max(last_seen) from agent_presence where host = ?",
        Timestamp.class, host)).map(Timestamp::toInstant);
  }

  /** Whether an agent of {@code host} is connected (asked for work within {@code absent-after}). */
  public boolean connected(String host) {
    return lastSeen(host).filter(seen -> seen.plus(properties.absentAfter()).isAfter(Instant.now())).isPresent();
  }

  /**
   * What a run on {@code host} whose open steps are {@code topics} is doing for want of an agent that
   * runs them: "waiting for the agent on host h1, last seen …", or, while the host's agents are
   * connected but run none of them (a step that needs the server's database), which step waits.
   */
  public Optional<String> waiting(String host, Collection<String> topics) {
    Optional<String> noAgent = waiting(host);
    if (noAgent.isPresent() || topics.isEmpty()) {
      return noAgent;
    }
    Set<String> served = new HashSet<>();
    jdbc.query("select topics from agent_presence where host = ? and last_seen > ?",
        (ResultSet rs) -> {
          served.addAll(List.of(rs.getString(1).split("\n")));
        }, host, Timestamp.from(Instant.now().minus(properties.absentAfter())));
    List<String> unserved = topics.stream().filter(topic -> !served.contains(topic)).sorted().toList();
    return unserved.isEmpty() ? Optional.empty() : Optional.of("waiting: the agent on host " + host
        + " does not run step " + String.join(", ", unserved) + " (preview sites, upgrade attempts and archiving work on"
        + " the server's registry: agents do not run them yet). Abort the run, or register the site without a host"
        + " to run it on the server.");
  }

  /**
   * What the runs of a site on {@code host} are doing for want of an agent: "waiting for the agent on
   * host h1, last seen …"; empty while an agent is connected.
   */
  public Optional<String> waiting(String host) {
    if (host == null) {
      return Optional.empty();
    }
    Optional<Instant> seen = lastSeen(host);
    if (seen.filter(at -> at.plus(properties.absentAfter()).isAfter(Instant.now())).isPresent()) {
      return Optional.empty();
    }
    return Optional.of("waiting for the agent on host " + host + ", last seen " + seen.map(Instant::toString)
        .orElse("never") + ": start it on " + host + " (java -jar lino-conductor.jar --spring.profiles.active=agent"
        + " --conductor.agent.host=" + host + " …, README \"In production\")");
  }

  private static String abbreviate(String text) {
    int cut = text.lastIndexOf('\n', 4000);
    return text.length() <= 4000 ? text : text.substring(0, cut > 0 ? cut : 4000);
  }
}
