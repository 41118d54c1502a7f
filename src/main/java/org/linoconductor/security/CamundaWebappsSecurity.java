package org.linoconductor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Camunda's web applications (Cockpit, Tasklist, Admin) keep their own login, session and CSRF
 * protection, with the same users. Closed here: Camunda's first-start setup, which lets anyone
 * anonymous create an administrator while there is none (the first one comes from configuration, see
 * {@link ConductorGroupsSetup}), and the password check of any user. Their login counts in
 * {@link SignInThrottle}.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappsSecurity {

  static final String SETUP_CLOSED = "Camunda's first-start setup is closed in Lino Conductor. The first"
      + " administrator comes from configuration: set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD"
      + " and restart (README, \"The first administrator\").";

  @Bean
  @Order(3)
  SecurityFilterChain camundaWebapps(HttpSecurity http, SignInThrottle throttle) throws Exception {
    return http.securityMatcher("/camunda/**")
        .authorizeHttpRequests(rules -> rules
            .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/*/*/setup/**").denyAll()
            .requestMatchers("/camunda/api/engine/engine/*/identity/verify").denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(refusals -> refusals
            .authenticationEntryPoint((request, response, e) -> refuse(request, response))
            .accessDeniedHandler((request, response, e) -> refuse(request, response)))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(new CamundaLoginThrottleFilter(throttle), AuthorizationFilter.class)
        .build();
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(request.getRequestURI().contains("/setup") ? SETUP_CLOSED : "Refused.");
  }
}
