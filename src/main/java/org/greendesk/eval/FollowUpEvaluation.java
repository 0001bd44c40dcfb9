package org.greendesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;

/**
 * Scores follow-up questions ({@code {"history": [...], "q", "expected": [ids]}}: "Is there something similar in
 * Japan?" after a question on Singapore's grant): the earlier questions are asked first, in one conversation, and
 * the follow-up is right when one of its expected documents is among its answer's first three sources.
 */
public final class FollowUpEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A follow-up and the conversation before it; {@code file} and {@code line} say where it is written. */
  public record Conversation(List<String> history, String q, List<String> expected, String file, int line) {}

  public record Outcome(Conversation conversation, List<String> sources, boolean found) {}

  public record Report(int conversations, double found, List<Outcome> misses) {}

  public static List<Conversation> load(Path folder) throws IOException {
    List<Conversation> conversations = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).isBlank()) {
            JsonNode node = JSON.readTree(lines.get(i));
            conversations.add(new Conversation(strings(node.path("history")), node.path("q").asText(),
                strings(node.path("expected")), file.getFileName().toString(), i + 1));
          }
        }
      }
    }
    return conversations;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  public static Report run(Assistant assistant, List<Conversation> conversations) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Conversation conversation : conversations) {
      List<Turn> history = new ArrayList<>();
      conversation.history().forEach(h -> history.add(assistant.reply(h, history, 3)));
      List<String> sources = assistant.reply(conversation.q(), history, 3).answer().sources().stream().limit(3)
          .map(Source::id).toList();
      outcomes.add(new Outcome(conversation, sources, sources.stream().anyMatch(conversation.expected()::contains)));
    }
    long found = outcomes.stream().filter(Outcome::found).count();
    return new Report(outcomes.size(), outcomes.isEmpty() ? 0 : found / (double) outcomes.size(),
        outcomes.stream().filter(o -> !o.found()).toList());
  }
}
