package org.greendesk.knowledge;

import java.nio.file.Path;

/** What is wrong with a knowledge file, and where: a line of 1 or more, or 0 when it concerns the whole file. */
public record KnowledgeProblem(Path file, int line, String problem) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
  }
}
