package org.greendesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads evaluation questions: every {@code *.jsonl} file in a folder, lines {@code {"q", "expected": [ids]}}. */
public final class EvalSet {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalSet() {}

  /** Questions in file-name then line order. @throws IOException naming the file and line of a bad one */
  public static List<EvalQuestion> load(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    List<EvalQuestion> questions = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        try {
          JsonNode node = JSON.readTree(lines.get(i));
          List<String> expected = new ArrayList<>();
          node.path("expected").forEach(id -> expected.add(id.asText()));
          questions.add(new EvalQuestion(node.path("q").asText(), expected, file.getFileName().toString(), i + 1));
        } catch (IOException e) {
          throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
        }
      }
    }
    return questions;
  }
}
