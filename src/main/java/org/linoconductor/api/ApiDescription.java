package org.linoconductor.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says about the API as a whole; springdoc adds the operations from the
 * controllers under {@code /api} ({@code springdoc.paths-to-match}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  private static final String BASIC = "basic";
  private static final String ERROR = "ApiError";

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

  /** Every 4xx and 5xx answer of the API is an {@link ApiError}, whatever the controller method returns. */
  @Bean
  OpenApiCustomizer errorsAreApiErrors() {
    return api -> {
      api.getComponents().addSchemas(ERROR, new ObjectSchema()
          .description("What went wrong and what to do; values are never echoed whole.")
          .addProperty("error", new StringSchema())
          .addProperty("field", new StringSchema().description("The request key or parameter at fault, if one")));
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
          operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
              response.setContent(new Content().addMediaType("application/json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR))));
            }
          })));
    };
  }
}
