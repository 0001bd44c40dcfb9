package org.greendesk.eval;

import java.util.List;
import java.util.Objects;

/**
 * A question of the evaluation set and the documents that answer it.
 *
 * @param expected acceptable document ids, the main one first; empty for a question the base should not answer
 */
public record EvalQuestion(String q, List<String> expected, String file, int line) {

  public EvalQuestion {
    Objects.requireNonNull(q, "q");
    expected = List.copyOf(expected);
  }

  public boolean answerable() {
    return !expected.isEmpty();
  }
}
