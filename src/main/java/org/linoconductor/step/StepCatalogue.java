package org.linoconductor.step;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every step Conductor can run, by topic: the worker fetches exactly these topics. */
@Component
public class StepCatalogue {

  private final Map<String, Step> byTopic;

  StepCatalogue(List<Step> steps) {
    this.byTopic = steps.stream().collect(Collectors.toUnmodifiableMap(Step::topic, Function.identity(),
        (a, b) -> {
          throw new IllegalStateException("Two steps claim topic '" + a.topic() + "': "
              + a.getClass().getName() + " and " + b.getClass().getName());
        }));
  }

  public Optional<Step> find(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  public java.util.Set<String> topics() {
    return byTopic.keySet();
  }
}
