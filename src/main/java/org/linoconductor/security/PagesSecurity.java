package org.linoconductor.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may see the conductor's pages, and everything else that is not an API or Camunda's: the pages
 * ({@code /runs}) need a sign-in at {@code /signin} (a form, a session, CSRF tokens on every form);
 * the API description any user, signed in or with HTTP Basic; the metrics and the health check's
 * details only operators; the sign-in, the health check's status (for load balancers) and the pages'
 * stylesheet and script anyone. Everything else is refused.
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurity {

  /**
   * Every rule's path is the whole path below the context, whichever servlet serves it (Spring MVC,
   * Camunda's REST API, Camunda's web applications).
   */
  @Bean
  PathPatternRequestMatcher.Builder wholePaths() {
    return PathPatternRequestMatcher.withDefaults();
  }

  @Bean
  @Order(4)
  SecurityFilterChain pages(HttpSecurity http, IdentityService identity, SignInPage signIn) throws Exception {
    return http
        .authorizeHttpRequests(rules -> rules
            .requestMatchers(SignInPage.PATH, "/conductor.css", "/conductor.js", "/error").permitAll()
            .requestMatchers("/").permitAll() // leads to Camunda's web applications
            .requestMatchers("/runs", "/runs/**").access(AgentRequests.NOT_AN_AGENT)
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
            // Details only for operators (management.endpoint.health.roles), the status for anyone.
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").hasAuthority(ConductorGroups.OPERATORS)
            .anyRequest().denyAll())
        .formLogin(form -> form.loginPage(SignInPage.PATH).loginProcessingUrl(SignInPage.PATH)
            .successHandler(PagesSecurity::signedIn)
            .failureHandler((request, response, e) -> refused(signIn, request, response, e)))
        .httpBasic(basic -> basic.authenticationEntryPoint(new BasicChallenge()))
        .logout(signOut -> signOut.logoutUrl("/signout")
            .logoutSuccessHandler((request, response, user) -> seeOther(response, SignInPage.PATH)))
        .exceptionHandling(refusals -> refusals
            .authenticationEntryPoint(PagesSecurity::signInFirst)
            .accessDeniedHandler((request, response, e) -> denied(signIn, request, response, e)))
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .build();
  }

  private static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication user)
      throws IOException {
    seeOther(response, SignInPage.returnTo(request.getParameter("next")));
  }

  /** The form again, with a reason that never tells whether the user exists. */
  private static void refused(SignInPage signIn, HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    if (e instanceof SignInThrottledException throttled) {
      response.setHeader("Retry-After", Long.toString(throttled.seconds()));
      signIn.write(HttpStatus.TOO_MANY_REQUESTS, throttled.advice(), request, response);
    } else {
      signIn.write(HttpStatus.UNAUTHORIZED, CamundaUserAuthentication.WRONG, request, response);
    }
  }

  /** The pages send a visitor to the sign-in form and back; anything else asks for HTTP Basic. */
  private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    if (SignInPage.returnTo(request.getRequestURI()).equals(request.getRequestURI())) {
      response.sendRedirect(SignInPage.leadingBackTo(request));
    } else {
      new BasicChallenge().commence(request, response, e);
    }
  }

  /** A sign-in form left open until its session ended is shown again, saying so. */
  private static void denied(SignInPage signIn, HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException e) throws IOException, ServletException {
    if (e instanceof CsrfException && SignInPage.PATH.equals(request.getRequestURI())) {
      signIn.write(HttpStatus.FORBIDDEN, "The form had expired. Please sign in again.", request, response);
    } else {
      new AccessDeniedHandlerImpl().handle(request, response, e);
    }
  }

  private static void seeOther(HttpServletResponse response, String location) {
    response.setStatus(HttpStatus.SEE_OTHER.value());
    response.setHeader("Location", location);
  }
}
