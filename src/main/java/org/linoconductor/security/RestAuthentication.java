package org.linoconductor.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic against Camunda's identity service for the engine's REST API and the application's
 * own API. Camunda's filter also sets the engine's current authentication for the request, which
 * Camunda authorization checks and {@link ApiAccess} read, and clears it afterwards.
 *
 * <p>The filter finds the engine in the path after its servlet path ({@code /engine-rest}); under
 * Spring MVC's "/" servlet the whole path is the servlet path, so for {@code /api/*} nothing is
 * left and it uses the default engine, which is the one the starter creates. Only the engine list,
 * {@code GET /engine-rest/engine}, stays open, by Camunda's design.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

  static final String[] PROTECTED_PATHS = {"/engine-rest/*", "/api/*"};

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("conductor-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PROTECTED_PATHS);
    // Before anything else reads the request, so nothing runs for an anonymous caller.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
