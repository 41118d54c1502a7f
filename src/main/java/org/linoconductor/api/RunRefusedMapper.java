package org.linoconductor.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.linoconductor.step.RunRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}) answers a refused start with 400 and the reason, in
 * Camunda's error format, instead of its 500 for any exception it does not know. Registered with
 * Camunda's Jersey application, where this mapper is more specific than Camunda's catch-all one.
 */
@Component
class RunRefusedMapper implements ExceptionMapper<RunRefusedException>, ResourceConfigCustomizer {

  private static final Logger log = LoggerFactory.getLogger(RunRefusedMapper.class);

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(this);
  }

  @Override
  public Response toResponse(RunRefusedException refusal) {
    log.info("API-010 start refused: {}", refusal.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", refusal.getClass().getSimpleName(), "message", refusal.getMessage())).build();
  }
}
