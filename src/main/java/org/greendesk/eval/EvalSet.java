package org.greendesk.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads evaluation questions: every {@code *.jsonl} file in a folder, lines {@code {"q", "expected": [ids]}}. */
public final class EvalSet {

  private EvalSet() {}

  /** Questions in file-name then line order. @throws IOException naming the file and line of a bad one */
  public static List<EvalQuestion> load(Path folder) throws IOException {
    return JsonLines.read(folder, JsonLines::jsonl, (node, file, line) -> new EvalQuestion(node.path("q").asText(),
        JsonLines.strings(node.path("expected")), file, line));
  }
}
