package org.linoconductor.input;

import java.util.List;
import java.util.Optional;

/** The fields of one Camunda Form ({@code processes/<key>.form}): all a task's completion may set. */
public record TaskForm(String key, List<FormField> fields) {

  public static TaskForm of(String key, FormField... fields) {
    return new TaskForm(key, List.of(fields));
  }

  Optional<FormField> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }
}
