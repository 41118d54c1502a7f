package org.linoconductor.input;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where {@link RequestBodyLimit} and {@link ShortErrorAnswers} apply: every API that takes a body or
 * answers with a message. Ordered after the authentication filters (Spring Security's chain is at
 * -100), so that an anonymous caller is refused before anything of its body is read.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

  static final int ORDER = 0;
  private static final String[] APIS = {"/engine-rest/*", "/api/*", "/camunda/api/*"};

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(InputProperties limits) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits));
    registration.setName("conductor-request-body-limit");
    registration.addUrlPatterns(APIS);
    registration.setOrder(ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ShortErrorAnswers> shortErrorAnswers() {
    var registration = new FilterRegistrationBean<>(new ShortErrorAnswers());
    registration.setName("conductor-short-error-answers");
    registration.addUrlPatterns(APIS);
    registration.setOrder(ORDER - 1);
    return registration;
  }
}
