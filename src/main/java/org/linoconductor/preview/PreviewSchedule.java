package org.linoconductor.preview;

import org.springframework.stereotype.Component;

/**
 * The nightly cron for the diagram: {@code <timeCycle>${previewSchedule.cron}</timeCycle>}. Camunda
 * evaluates it when it deploys nightly-sync and, with {@code reevaluateTimeCycleWhenDue}, each time the
 * timer fires. Public, with a getter, because the engine's expression language reads bean properties
 * by reflection.
 */
@Component("previewSchedule")
public class PreviewSchedule {

  private final PreviewProperties properties;

  PreviewSchedule(PreviewProperties properties) {
    this.properties = properties;
  }

  public String getCron() {
    return properties.nightlyCron();
  }
}
