package org.linoconductor.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.linoconductor.step.RunRefusedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Error answers of the APIs never repeat what was sent whole: Camunda's own messages quote what they
 * could not take ("Cannot convert value '…' of type String to Integer", "No matching process definition
 * with key: …"). In the {@code message} (Camunda) or {@code error} (Conductor) of every JSON answer with
 * a status of 400 or more, each text of the request longer than {@link Shown#MAX} characters (from its
 * JSON body, as {@link RequestBodyLimit} found them, its path and its query) is shown as {@link Shown}
 * shows values. A start refused by Conductor's own checks ({@link RunRefusedException}) answers 400
 * here too: Camunda's webapp API (Tasklist's start form) answers every exception it does not know with
 * 500, where {@code /engine-rest} has Conductor's mapper. Other answers pass untouched.
 */
class ShortErrorAnswers extends OncePerRequestFilter {

  /** Request attribute: the long texts of the request's JSON body. */
  static final String SENT = ShortErrorAnswers.class.getName() + ".sent";
  private static final List<String> MESSAGES = List.of("message", "error");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Capture capture = new Capture(response);
    chain.doFilter(request, capture);
    capture.finish(sent(request));
  }

  /** The message with every text of {@code sent} in it shortened, the longest first. */
  static String shorten(String message, List<String> sent) {
    String shortened = message;
    for (String text : sent.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      shortened = shortened.replace(text, Shown.value(text));
    }
    return shortened;
  }

  @SuppressWarnings("unchecked")
  private static List<String> sent(HttpServletRequest request) {
    List<String> sent = new ArrayList<>();
    if (request.getAttribute(SENT) instanceof List<?> texts) {
      sent.addAll((List<String>) texts);
    }
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    for (String part : (request.getRequestURI() + "/" + query.replace('&', '/').replace('=', '/')).split("/")) {
      String text = URLDecoder.decode(part, StandardCharsets.UTF_8);
      if (text.length() > Shown.MAX) {
        sent.add(text);
      }
    }
    return sent;
  }

  /** Whether Camunda's answer {@code type} names a {@link RunRefusedException} (they live beside it). */
  static boolean refusedStart(JsonNode answer) {
    String type = answer.path("type").asText("");
    if (!type.matches("[A-Za-z]+Exception")) {
      return false;
    }
    try {
      return RunRefusedException.class.isAssignableFrom(
          Class.forName(RunRefusedException.class.getPackageName() + "." + type));
    } catch (ClassNotFoundException notOurs) {
      return false;
    }
  }

  private static byte[] shortened(byte[] body, List<String> sent, HttpServletResponse response) {
    try {
      if (!(JSON.readTree(body) instanceof ObjectNode answer)) {
        return body;
      }
      if (response.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && refusedStart(answer)) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      for (String field : MESSAGES) {
        JsonNode message = answer.path(field);
        if (message.isTextual()) {
          answer.put(field, shorten(message.textValue(), sent));
        }
      }
      return JSON.writeValueAsBytes(answer);
    } catch (JsonProcessingException notJson) {
      return body;
    } catch (IOException e) {
      return body;
    }
  }

  /** Holds back the body of an error answer (small by nature) until it is shortened; passes others through. */
  private static final class Capture extends HttpServletResponseWrapper {

    private ByteArrayOutputStream held;
    private PrintWriter writer;

    Capture(HttpServletResponse response) {
      super(response);
    }

    private boolean error() {
      return getStatus() >= 400;
    }

    private ByteArrayOutputStream held() {
      if (held == null) {
        held = new ByteArrayOutputStream();
      }
      return held;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!error() && held == null) {
        return super.getOutputStream();
      }
      ByteArrayOutputStream out = held();
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          out.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("blocking writes only");
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!error() && held == null) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(held(), Charset.forName(getCharacterEncoding())));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      if (!error()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!error()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(error() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(error() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (held == null) {
        super.flushBuffer();
      }
    }

    void finish(List<String> sent) throws IOException {
      if (held == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = shortened(held.toByteArray(), sent, (HttpServletResponse) getResponse());
      super.setContentLength(body.length);
      super.getOutputStream().write(body);
    }
  }
}
