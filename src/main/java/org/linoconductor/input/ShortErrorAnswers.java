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
import java.nio.charset.Charset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Error answers of the APIs never hold a value whole: Camunda's own messages quote what they could not
 * take ("Cannot convert value '…' of type String to Integer", "No matching process definition with
 * key: …"), so the {@code message} (Camunda) or {@code error} (Conductor) of every JSON answer with a
 * status of 400 or more has each quoted value longer than {@link Shown#MAX} characters, and each word
 * longer than {@link #MAX_WORD}, shortened as {@link Shown} shows values. Other answers pass untouched.
 */
class ShortErrorAnswers extends OncePerRequestFilter {

  /** Longer than any path or id a message names for the operator's sake. */
  static final int MAX_WORD = 200;
  private static final Pattern QUOTED = Pattern.compile("'([^']{" + (Shown.MAX + 1) + ",})'");
  private static final Pattern WORD = Pattern.compile("\\S{" + (MAX_WORD + 1) + ",}");
  private static final List<String> MESSAGES = List.of("message", "error");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Capture capture = new Capture(response);
    chain.doFilter(request, capture);
    capture.finish();
  }

  static String shorten(String message) {
    Matcher quoted = QUOTED.matcher(message);
    String text = quoted.replaceAll(m -> Matcher.quoteReplacement("'" + Shown.value(m.group(1)) + "'"));
    return WORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(Shown.value(m.group())));
  }

  private static byte[] shortened(byte[] body) {
    try {
      JsonNode answer = JSON.readTree(body);
      if (!(answer instanceof ObjectNode object)) {
        return body;
      }
      for (String field : MESSAGES) {
        if (object.path(field).isTextual()) {
          object.put(field, shorten(object.get(field).textValue()));
        }
      }
      return JSON.writeValueAsBytes(object);
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

    void finish() throws IOException {
      if (held == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = shortened(held.toByteArray());
      super.setContentLength(body.length);
      super.getOutputStream().write(body);
    }
  }
}
