package org.greendesk.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;

/**
 * Scores follow-up questions ({@code {"history": [...], "q", "expected": [ids]}}: "Is there something similar in
 * Japan?" after a question on Singapore's grant): the earlier questions are asked first, in one conversation, and
 * the follow-up is right when one of its expected documents is among its answer's first three sources.
 */
public final class FollowUpEvaluation {

  /** A follow-up and the conversation before it; {@code file} and {@code line} say where it is written. */
  public record Conversation(List<String> history, String q, List<String> expected, String file, int line) {}

  public record Outcome(Conversation conversation, List<String> sources, boolean found) {}

  public record Report(int conversations, double found, List<Outcome> misses) {}

  public static List<Conversation> load(Path folder) throws IOException {
    return JsonLines.read(folder, JsonLines::jsonl, (node, file, line) -> new Conversation(
        JsonLines.strings(node.path("history")), node.path("q").asText(), JsonLines.strings(node.path("expected")),
        file, line));
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
