package org.linoconductor.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds a step agent to its hosts on Camunda's external-task endpoints, after Spring Security has
 * signed it in (security.RestSecurity lets agents call nothing else). Its fetch-and-lock is rewritten
 * so that every topic asks for the tasks of its hosts' tenants only (step.HostTenants gives each run
 * the host of its site as tenant, fixed at the start), whatever filter the agent sent; extending,
 * completing, failing or unlocking a task of another host is refused. What the agent's own client
 * configuration says is never trusted. Calls of other users pass unchanged.
 */
class AgentFetchFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AgentFetchFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A fetch names a few dozen topics: far below this. */
  private static final int MAX_BODY = 64 * 1024;
  private static final String FETCH = "/engine-rest/external-task/fetchAndLock";
  private static final String TASK = "/engine-rest/external-task/";

  private final ExternalTaskService engine;
  private final AgentPresence presence;
  private final AgentsProperties properties;

  AgentFetchFilter(ExternalTaskService engine, AgentPresence presence, AgentsProperties properties) {
    this.engine = engine;
    this.presence = presence;
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AgentHosts agent = AgentHosts.current();
    if (agent == null) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(FETCH)) {
      fetch(agent, request, response, chain);
    } else if (path.startsWith(TASK)) {
      String id = path.substring(TASK.length()).split("/", 2)[0];
      ExternalTask task = engine.createExternalTaskQuery().externalTaskId(id).singleResult();
      if (task != null && !agent.serves(task.getTenantId())) {
        refuse(response, 403, agent.refusal("handle external task " + id, task.getTenantId()));
        return;
      }
      chain.doFilter(request, response);
    } else {
      refuse(response, 403, agent.refusal("call " + path, null));
    }
  }

  private void fetch(AgentHosts agent, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String asked = request.getHeader(AgentHosts.HEADER);
    if (asked != null && !agent.serves(asked)) {
      refuse(response, 403, agent.refusal("fetch the steps of host " + asked, asked));
      return;
    }
    Set<String> hosts = asked != null ? Set.of(asked) : agent.hosts();
    if (hosts.isEmpty()) {
      refuse(response, 403, agent.refusal("fetch steps", null));
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    JsonNode fetch = body.length > MAX_BODY ? null : readQuietly(body);
    if (!(fetch instanceof ObjectNode object) || !object.path("workerId").isTextual()
        || !(object.get("topics") instanceof ArrayNode topics)) {
      refuse(response, 400, "A fetch-and-lock is a JSON object with workerId and topics, at most " + MAX_BODY
          + " bytes, as Camunda's external task client sends it.");
      return;
    }
    if (object.path("maxTasks").asInt(1) > properties.maxTasks()) {
      object.put("maxTasks", properties.maxTasks());
    }
    List<String> names = new ArrayList<>();
    for (JsonNode topic : topics) {
      names.add(topic.path("topicName").asText());
      if (topic instanceof ObjectNode each) {
        each.remove(List.of("withoutTenantId", "tenantIdIn"));
        ArrayNode tenants = each.putArray("tenantIdIn");
        hosts.stream().sorted().forEach(tenants::add);
      }
    }
    String worker = object.get("workerId").asText();
    hosts.forEach(host -> presence.seen(host, worker, agent.user(), names));
    log.debug("AGENT-010 agent {} ({}) fetches for hosts {}", worker, agent.user(), hosts);
    chain.doFilter(new Body(request, JSON.writeValueAsBytes(object)), response);
  }

  private static JsonNode readQuietly(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    log.warn("AGENT-011 refused: {}", message);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getWriter(), Map.of("type", "Forbidden", "message", message, "error", message));
  }

  /** The request with the rewritten body. */
  private static final class Body extends HttpServletRequestWrapper {

    private final byte[] body;

    Body(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }
  }
}
