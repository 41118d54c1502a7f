package org.linoconductor.input;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a task's completion ({@code complete}, {@code submit-form}, {@code resolve}; over
 * {@code /engine-rest}, Tasklist's own REST API or Java) may set only the fields its form declares
 * ({@link TaskForms}), each of its type and within its bounds, and must set the required ones. Anything
 * else refuses the whole command before it changes anything. Camunda otherwise sets every variable a
 * completion carries on the run, so a tester's sign-off could have set {@code site} or {@code resumeAfterFailure}.
 *
 * <p>In the engine rather than in front of its REST APIs, so that every way in is covered whatever the
 * order of the web filters, and after authentication. Camunda's REST API answers the refusal of a
 * complete or submit-form ({@link FormFieldValidationException}) and of a resolve
 * ({@link BadUserRequestException}) with 400 and the message.
 */
@Component
class TaskFormGuard extends AbstractProcessEnginePlugin {

  // Camunda's commands keep what they were given in protected fields; read once here, checked at start-up.
  private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

  private final Map<String, TaskForm> forms;

  TaskFormGuard(List<TaskForms> declarations) {
    this.forms = declarations.stream().flatMap(d -> d.forms().stream())
        .collect(Collectors.toMap(TaskForm::key, Function.identity()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        check(command);
        return next.execute(command);
      }
    });
  }

  /** Runs inside the command's context, before the command: a refusal changes nothing. */
  private void check(Command<?> command) {
    if (command instanceof CompleteTaskCmd complete) {
      boolean resolve = complete instanceof ResolveTaskCmd;
      check((String) read(COMPLETE_TASK, command), read(COMPLETE_VARIABLES, command), !resolve, resolve);
    } else if (command instanceof SubmitTaskFormCmd) {
      check((String) read(SUBMIT_TASK, command), read(SUBMIT_VARIABLES, command), true, false);
    }
  }

  private void check(String taskId, Object given, boolean completes, boolean resolve) {
    TaskEntity task = taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // no such task (the command answers that), or a task outside any process
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = given instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    String formKey = element == null ? null : element.getCamundaFormRef();
    TaskForm form = formKey == null ? null : forms.get(formKey);
    String where = "Task '" + task.getName() + "'"
        + (formKey == null ? " (without a form)" : " (form " + formKey + ")");
    List<String> undeclared = variables.keySet().stream()
        .filter(name -> form == null || form.field(name).isEmpty()).map(name -> "'" + Shown.value(name) + "'")
        .sorted().toList();
    if (!undeclared.isEmpty()) {
      throw refusal(taskId, resolve, where + " does not take the variable" + (undeclared.size() > 1 ? "s " : " ")
          + String.join(", ", undeclared)
          + (form == null ? "" : ": only " + form.fields().stream().map(FormField::name)
              .collect(Collectors.joining(", "))) + ". Nothing was changed.");
    }
    if (form == null) {
      return;
    }
    for (FormField field : form.fields()) {
      Object value = variables.get(field.name());
      if (value == null && !variables.containsKey(field.name()) && !(completes && field.required())) {
        continue;
      }
      String type = value instanceof TypedValue typed && typed.getType() != null ? typed.getType().getName() : null;
      Object raw = value instanceof TypedValue typed ? rawValue(typed) : value;
      Optional<String> problem = field.problem(formKey, raw, type);
      if (problem.isPresent()) {
        throw refusal(taskId, resolve, problem.get() + " Nothing was changed.");
      }
    }
  }

  /** A serialized object is not deserialized to be checked: its type alone refuses it. */
  private static Object rawValue(TypedValue typed) {
    try {
      return typed.getValue();
    } catch (RuntimeException e) {
      return typed;
    }
  }

  private static ProcessEngineException refusal(String taskId, boolean resolve, String message) {
    return resolve ? new BadUserRequestException(message) : new FormFieldValidationException(taskId, message);
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
          + " any more: TaskFormGuard cannot check completions with this Camunda version", e);
    }
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
