package org.linoconductor.security;

import static org.springframework.security.config.http.SessionCreationPolicy.STATELESS;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Who may call the REST APIs: any Camunda user, with HTTP Basic; what each user may then do is
 * Camunda authorization's and {@link ApiAccess}'s to say. A wrong password waits as
 * {@link SignInThrottle} says.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurity {

  /** Camunda's REST API: every call names its user, no session, so no CSRF. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, ProcessEngine engine) throws Exception {
    return http.securityMatcher("/engine-rest/**")
        .authorizeHttpRequests(rules -> rules
            .requestMatchers(new CrossSiteWrites()).denyAll()
            // Tries passwords of any user beside the sign-in and its throttle.
            .requestMatchers("/engine-rest/identity/verify", "/engine-rest/engine/*/identity/verify").denyAll()
            .requestMatchers(AgentRequests.EXTERNAL_TASK_CALLS).authenticated()
            // a step agent may do nothing else (AgentRequests)
            .anyRequest().access(AgentRequests.NOT_AN_AGENT))
        .httpBasic(basic -> basic.authenticationEntryPoint(new BasicChallenge()))
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(new BasicChallenge())
            .accessDeniedHandler(RestSecurity::refused))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineRestAuthenticationFilter(engine.getName()), AuthorizationFilter.class)
        .build();
  }

  /**
   * The application's API: HTTP Basic, or the session of the conductor's pages for their script; a
   * session's request that changes something needs the session's CSRF token.
   */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, IdentityService identity) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(rules -> rules
            .requestMatchers(new CrossSiteWrites()).denyAll()
            .requestMatchers("/api/agent/**").hasAuthority(ConductorGroups.AGENTS)
            .anyRequest().access(AgentRequests.NOT_AN_AGENT))
        .httpBasic(basic -> basic.authenticationEntryPoint(new BasicChallenge()))
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(new BasicChallenge())
            .accessDeniedHandler(RestSecurity::refused))
        .csrf(csrf -> csrf.ignoringRequestMatchers(RestSecurity::withoutSession))
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .build();
  }

  private static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (AgentRequests.isAgent(user)) {
      Answers.json(response, HttpStatus.FORBIDDEN, AgentRequests.refusal(user));
      return;
    }
    if (request.getRequestURI().startsWith("/api/agent/")) {
      Answers.json(response, HttpStatus.FORBIDDEN, "Only step agents (group " + ConductorGroups.AGENTS
          + ") report steps under /api/agent.");
      return;
    }
    Answers.json(response, HttpStatus.FORBIDDEN, e instanceof CsrfException
        ? "A change made with the session of the conductor's pages needs their CSRF token (header X-CSRF-TOKEN)."
        : "Refused: a change sent from another site's page, or a check of passwords, is never accepted here.");
  }

  /** Basic credentials, or no session at all: no session's sign-in to borrow. */
  private static boolean withoutSession(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null;
  }
}
