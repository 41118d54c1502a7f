package org.linoconductor.input;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where {@link RequestBodyLimit} applies: every API that takes a body. Ordered after the
 * authentication filters (Spring Security's chain is at -100), so that an anonymous caller is
 * refused before anything of its body is read.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

  static final int ORDER = 0;

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(InputProperties limits) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits));
    registration.setName("conductor-request-body-limit");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
