package org.linoconductor.api;

import org.linoconductor.input.Shown;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of the application's own controllers into {@link ApiError} JSON. Callers
 * never see a stack trace: an unexpected failure is logged with code API-500 and answered with a
 * pointer to the log.
 */
@RestControllerAdvice(basePackages = "org.linoconductor")
class ApiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e) {
    return answer(e.status(), e.getMessage(), e.field());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
          .map(Object::toString)
          .collect(Collectors.joining(", "));
      return answer(HttpStatus.BAD_REQUEST,
          "Invalid value " + Shown.quoted(String.valueOf(invalid.getValue())) + ": use one of " + allowed + ".",
          path(invalid));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return answer(HttpStatus.BAD_REQUEST,
          "The value of '" + path(mapping) + "' has the wrong type: see the API description at /v3/api-docs.",
          path(mapping));
    }
    return answer(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON: send one JSON object with Content-Type application/json.",
        null);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> wrongMediaType(HttpMediaTypeNotSupportedException e) {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content type " + e.getContentType() + " is not accepted: send application/json.", null);
  }

  /** Spring's own request errors (wrong method, missing parameter, …) keep their status. */
  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ApiError> springRefused(ErrorResponseException e) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    String detail = e.getBody().getDetail();
    return answer(status, detail != null ? detail : status.getReasonPhrase(), null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("API-500 unexpected failure of an API request", e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error (code API-500): the server log has the details.", null);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static ResponseEntity<ApiError> answer(HttpStatus status, String error, String field) {
    return ResponseEntity.status(status).body(new ApiError(error, field));
  }
}
