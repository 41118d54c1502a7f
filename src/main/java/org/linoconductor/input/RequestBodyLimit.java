package org.linoconductor.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request may carry before anything reads it: a body larger than
 * {@link InputProperties#maxBodySize()} is answered with 413 (a declared length at once, a streamed
 * body after at most that many bytes); a JSON body with what no API takes ({@link JsonBodyCheck}: an
 * over-long text or name, a variable of a type Conductor never uses; not for a step agent's reports) with 400
 * saying where. Neither
 * answer nor log line ever holds the value. Registered for {@code /engine-rest/*}, {@code /api/*} and
 * {@code /camunda/api/*} by {@link RequestLimits}.
 */
class RequestBodyLimit extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputProperties limits;
  private final JsonBodyCheck json;

  RequestBodyLimit(InputProperties limits) {
    this.limits = limits;
    this.json = new JsonBodyCheck(limits);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long max = limits.maxBodySize().toBytes();
    long declared = request.getContentLengthLong();
    if (declared > max) {
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge(declared + " bytes"));
      return;
    }
    if (!isJson(request)) {
      chain.doFilter(declared >= 0 ? request : new Body(request, new LimitedStream(request.getInputStream(), max)),
          response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    if (body.length > max) {
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge("more than " + max
          + " bytes"));
      return;
    }
    JsonNode tree = JsonBodyCheck.parse(body);
    if (tree != null) {
      List<String> sent = new ArrayList<>();
      JsonBodyCheck.longTexts(tree, Shown.MAX, sent);
      request.setAttribute(ShortErrorAnswers.SENT, sent);
    }
    Optional<String> problem = tree == null || isStepAgentReport(request) ? Optional.empty() : json.problem(tree);
    if (problem.isPresent()) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
      return;
    }
    chain.doFilter(new Body(request, new ByteArrayInputStream(body)), response);
  }

  private String tooLarge(String size) {
    return "The request body has " + size + "; at most " + limits.maxBodySize().toBytes() + " bytes ("
        + limits.maxBodySize().toKilobytes() + " KB) are accepted (conductor.input.max-body-size)."
        + " Nothing was read or changed.";
  }

  /**
   * A step agent's report of its step (security.RestSecurity lets only agents there) carries the texts of a
   * local step's record, logs and stack traces longer than Camunda's columns: they go to Conductor's own
   * tables, which the API behind bounds; the body's size limit holds.
   */
  private static boolean isStepAgentReport(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/agent/");
  }

  private static boolean isJson(HttpServletRequest request) {
    try {
      String type = request.getContentType();
      if (type == null) {
        return false;
      }
      MediaType media = MediaType.parseMediaType(type);
      return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** In the error format of the API asked: Conductor's {@code {"error"}}, Camunda's {@code {"type", "message"}}. */
  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    log.info("INPUT-001 {} {} refused with {}: {}", request.getMethod(), Shown.value(request.getRequestURI()), status,
        message);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // The rest of an over-long body is not read: the connection ends with the answer.
    response.setHeader("Connection", "close");
    JSON.writeValue(response.getWriter(), request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        ? Map.of("error", message)
        : Map.of("type", status == 400 ? "InvalidRequestException" : "RequestTooLarge", "message", message));
  }

  /** The request with its body replaced: the bytes already read, or a stream that stops at the limit. */
  private static final class Body extends HttpServletRequestWrapper {

    private final InputStream body;

    Body(HttpServletRequest request, InputStream body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return body.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return body.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          try {
            return body.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }
  }

  /** A streamed body of unknown length (chunked) that is not JSON: it ends in an error past the limit. */
  private static final class LimitedStream extends InputStream {

    private final InputStream in;
    private long left;

    LimitedStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = in.read(buffer, offset, (int) Math.min(length, left + 1));
      if (read > 0) {
        left -= read;
        if (left < 0) {
          throw new IOException("The request body is larger than the limit (conductor.input.max-body-size)");
        }
      }
      return read;
    }
  }
}
