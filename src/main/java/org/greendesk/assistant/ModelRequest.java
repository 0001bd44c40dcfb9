package org.greendesk.assistant;

import java.util.Objects;

/**
 * One call to a language model.
 *
 * @param task what the call is for, so that metrics and logs can tell the calls apart
 * @param system the rules, from {@code prompts/system.txt}
 * @param user the task with its data (question, passages, conversation), delimited as data
 */
public record ModelRequest(ModelTask task, String system, String user) {

  public ModelRequest {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }
}
