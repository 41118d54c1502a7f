package org.linoconductor.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health}, open to anyone (a load balancer, a monitor): up or not, and nothing more. */
@RestController
class HealthController {

  @GetMapping(path = "/health", produces = "application/json")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
