package org.linoconductor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Lino Conductor: upgrades of Lino sites as BPMN processes on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConductorApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConductorApplication.class, args);
  }
}
