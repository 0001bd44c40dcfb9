package org.greendesk.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a knowledge folder breaks the format; lists every problem found, not just the first. */
public final class KnowledgeFormatException extends Exception {
  private final List<KnowledgeProblem> problems;

  public KnowledgeFormatException(List<KnowledgeProblem> problems) {
    super(problems.stream().map(KnowledgeProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<KnowledgeProblem> problems() {
    return problems;
  }
}
