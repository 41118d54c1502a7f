package org.linoconductor.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;

/**
 * What a finished step tells the engine: complete the task with variables, throw a BPMN error the
 * diagram catches (STEP_FAILED: the decision task), or fail it (an incident, retried only if harmless).
 * Kept with the step's record as JSON until the engine has taken it, so that a refused report is
 * repeated instead of the step.
 */
record Handover(Kind kind, Map<String, Object> variables, String errorCode, String message, String details,
    int retries, long retryTimeoutMillis) {

  enum Kind { COMPLETE, BPMN_ERROR, FAILURE }

  private static final ObjectMapper JSON = new ObjectMapper();

  Handover {
    // process variables may be null (the exit status of a check that ran no command): no Map.copyOf
    variables = variables == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(variables));
  }

  static Handover complete(Map<String, Object> variables) {
    return new Handover(Kind.COMPLETE, variables, null, null, null, 0, 0);
  }

  static Handover bpmnError(String errorCode, String message, Map<String, Object> variables) {
    return new Handover(Kind.BPMN_ERROR, variables, errorCode, message, null, 0, 0);
  }

  static Handover failure(String message, String details, int retries, long retryTimeoutMillis) {
    return new Handover(Kind.FAILURE, Map.of(), null, message, details, retries, retryTimeoutMillis);
  }

  /**
   * What a step's outcome tells the engine: a failure goes to the diagram's decision (the BPMN error
   * STEP_FAILED) or, where the diagram catches none, becomes an incident; anything else completes the
   * task, and the failed step that has run again lets the steps after it run normally.
   *
   * @param caught whether the diagram catches STEP_FAILED at the step's activity ({@link StepFailedCatch})
   * @param failedStepAgain whether this is the failed step run again (its activity is {@code failedActivity})
   */
  static Handover ofOutcome(StepOutcome outcome, String topic, String activityId, String site, boolean caught,
      boolean failedStepAgain, Integer exitStatus, String tail, String logPath) {
    if (outcome.status() == StepOutcome.Status.FAILED) {
      String message = "Step " + topic + " failed on site " + site + ": " + outcome.summary();
      if (!caught) {
        return failure(FailureVariables.lastChars(message), null, 0, 0);
      }
      return bpmnError(StepErrors.STEP_FAILED, outcome.summary(), FailureVariables.of(topic, activityId, message,
          exitStatus, tail == null ? "" : tail, logPath == null ? "" : logPath, outcome.variables()));
    }
    Map<String, Object> variables = new HashMap<>(outcome.variables());
    if (failedStepAgain) {
      variables.put(StepVariables.RESUME_AFTER_FAILURE, false);
    }
    return complete(variables);
  }

  /** Hands this to the engine as {@code worker}, which must hold the task's lock (or it has lapsed). */
  void deliver(ExternalTaskService engine, String externalTaskId, String worker) {
    switch (kind) {
      case COMPLETE -> engine.complete(externalTaskId, worker, variables);
      case BPMN_ERROR -> engine.handleBpmnError(externalTaskId, worker, errorCode, message, variables);
      case FAILURE -> engine.handleFailure(externalTaskId, worker, message, details, retries, retryTimeoutMillis);
    }
  }

  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode typed = root.putObject("variables");
    variables.forEach((name, value) -> {
      ObjectNode variable = typed.putObject(name);
      if (value == null) {
        variable.put("type", "null");
      } else if (value instanceof String text) {
        variable.put("type", "string").put("value", text);
      } else if (value instanceof Boolean flag) {
        variable.put("type", "boolean").put("value", flag);
      } else if (value instanceof Integer number) {
        variable.put("type", "integer").put("value", number);
      } else if (value instanceof Long number) {
        variable.put("type", "long").put("value", number);
      } else if (value instanceof Double number) {
        variable.put("type", "double").put("value", number);
      } else if (value instanceof Date date) {
        variable.put("type", "date").put("value", date.getTime());
      } else {
        throw new IllegalArgumentException("variable " + name + " is a " + value.getClass().getName()
            + ": a step hands over strings, numbers, booleans and dates only");
      }
    });
    root.put("errorCode", errorCode).put("message", message).put("details", details).put("retries", retries)
        .put("retryTimeoutMillis", retryTimeoutMillis);
    return root.toString();
  }

  static Handover fromJson(Kind kind, String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, Object> variables = new HashMap<>();
      for (Map.Entry<String, JsonNode> variable : root.path("variables").properties()) {
        JsonNode value = variable.getValue().path("value");
        variables.put(variable.getKey(), switch (variable.getValue().path("type").asText()) {
          case "string" -> value.asText();
          case "boolean" -> value.asBoolean();
          case "integer" -> value.asInt();
          case "long" -> value.asLong();
          case "double" -> value.asDouble();
          case "date" -> new Date(value.asLong());
          default -> null;
        });
      }
      return new Handover(kind, variables, text(root, "errorCode"), text(root, "message"), text(root, "details"),
          root.path("retries").asInt(), root.path("retryTimeoutMillis").asLong());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable handover of a step record: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.path(field);
    return node.isNull() || node.isMissingNode() ? null : node.asText();
  }
}
