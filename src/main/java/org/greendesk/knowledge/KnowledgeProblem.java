package org.greendesk.knowledge;

import java.nio.file.Path;

/** What is wrong with a knowledge file, and where: a line of 1 or more, or 0 when it concerns the whole file. */
public record KnowledgeProblem(Path file, int line, String problem) {

  /** The same problem with its file named from {@code folder} ("regulation/eu-cbam.md"), when it lies below it. */
  public KnowledgeProblem relativeTo(Path folder) {
    Path base = folder.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? new KnowledgeProblem(base.relativize(absolute), line, problem) : this;
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
  }
}
