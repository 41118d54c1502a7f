package org.linoconductor.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says about the API as a whole; springdoc adds the operations from the
 * controllers under {@code /api} ({@code springdoc.paths-to-match}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  private static final String BASIC = "basic";

  @Bean
  OpenAPI conductorApi() {
    return new OpenAPI()
        .info(new Info().title("Lino Conductor API").version("1")
            .description("The site registry (/api/sites) and the record of runs (/api/runs). Camunda users: HTTP"
                + " Basic for every method; a session signed in at /signin also reads (GET). Writing the registry"
                + " needs group conductor-operators. Processes are started and steered through Camunda's REST API"
                + " (/engine-rest), described by Camunda."))
        .components(new Components().addSecuritySchemes(BASIC,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
