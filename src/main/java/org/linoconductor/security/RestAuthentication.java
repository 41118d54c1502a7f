package org.linoconductor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Who may reach what. HTTP Basic against Camunda's identity service for the engine's REST API and
 * the application's own API; the conductor's pages ({@code /runs}) need a sign-in at
 * {@code /signin}, which {@code /api/*} also accepts for reading. Camunda's filter sets the
 * engine's current authentication for the request, which Camunda authorization checks and
 * {@link ApiAccess} read, and clears it afterwards. Open to anonymous callers: {@code /signin},
 * {@code /health}, the pages' stylesheet and script, and Camunda's web applications, which have
 * their own sign-in.
 *
 * <p>The filter finds the engine in the path after its servlet path ({@code /engine-rest}); the
 * path of {@code /api/*} names none, so its filter is given the application's engine. The engine list
 * ({@code GET /engine-rest/engine}), open in Camunda's filter, needs a user too.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String API = "/api/*";
  /** The description of {@code /api} (springdoc) and its UI: for users, like the API. */
  static final String[] API_DESCRIPTION = {"/v3/api-docs/*", "/swagger-ui.html", "/swagger-ui/*"};
  static final String[] PAGES = {"/runs", "/runs/*"};

  // Before anything else reads the request, so nothing runs for an anonymous caller.
  private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(ProcessEngine engine) {
    return basic("conductor-rest-authentication", new EngineRestAuthenticationFilter(engine.getName()), ENGINE_REST);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine) {
    var registration = basic("conductor-api-authentication",
        new ApiAuthenticationFilter(new SessionAuthentication(engine.getIdentityService()), engine.getName()), API);
    registration.addUrlPatterns(API_DESCRIPTION);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SignedInPagesFilter> pagesAuthenticationFilter(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new SignedInPagesFilter(new SessionAuthentication(identity)));
    registration.setName("conductor-pages-authentication");
    registration.addUrlPatterns(PAGES);
    registration.setOrder(FIRST);
    return registration;
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basic(String name,
      ProcessEngineAuthenticationFilter filter, String path) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(path);
    registration.setOrder(FIRST);
    return registration;
  }
}
