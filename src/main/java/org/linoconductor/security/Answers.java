package org.linoconductor.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Refusals of the security filters, in the API's error format ({@code {"error": …}}). */
final class Answers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {}

  static void json(HttpServletResponse response, HttpStatus status, String error) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getWriter(), Map.of("error", error));
  }
}
