package org.linoconductor.input;

import java.util.List;

/**
 * The forms a feature's user tasks use, declared in Java beside the feature's process (a bean per
 * feature). {@link TaskFormGuard} refuses a completion that sets anything a task's form does not
 * declare; a test checks each declaration against its {@code .form} file.
 */
public interface TaskForms {

  List<TaskForm> forms();
}
