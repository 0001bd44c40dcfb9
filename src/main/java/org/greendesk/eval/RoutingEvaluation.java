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
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Turn;

/**
 * Scores the handoff policy on labelled messages ({@code {"q", "route": "created|offered|none", "history": [...]}},
 * the history being earlier questions of the same conversation): how many messages that need a person get one
 * (recall), and how many that do not are routed anyway (needless routing).
 */
public final class RoutingEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Labelled(String q, Handoff expected, List<String> history) {}

  public record Miss(Labelled message, Handoff got, String reason) {}

  /**
   * @param recall share of messages labelled {@code created} that created an escalation
   * @param needless share of messages labelled {@code none} that created one
   * @param offeredNeedlessly share of messages labelled {@code none} that were offered an advisor
   */
  public record Report(int messages, int shouldRoute, double recall, double needless, double offeredNeedlessly,
      List<Miss> misses) {}

  public static List<Labelled> load(Path folder) throws IOException {
    List<Labelled> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            JsonNode node = JSON.readTree(line);
            List<String> history = new ArrayList<>();
            node.path("history").forEach(h -> history.add(h.asText()));
            messages.add(new Labelled(node.path("q").asText(),
                Handoff.valueOf(node.path("route").asText().toUpperCase(java.util.Locale.ROOT)), history));
          }
        }
      }
    }
    return messages;
  }

  public static Report run(Assistant assistant, List<Labelled> messages) {
    List<Miss> misses = new ArrayList<>();
    int shouldRoute = 0;
    int routed = 0;
    int shouldNot = 0;
    int needless = 0;
    int offered = 0;
    for (Labelled message : messages) {
      List<Turn> history = new ArrayList<>();
      message.history().forEach(h -> history.add(assistant.reply(h, history, 3)));
      Turn turn = assistant.reply(message.q(), history, 3);
      Handoff got = turn.answer().handoff();
      if (message.expected() == Handoff.CREATED) {
        shouldRoute++;
        routed += got == Handoff.CREATED ? 1 : 0;
      } else if (message.expected() == Handoff.NONE) {
        shouldNot++;
        needless += got == Handoff.CREATED ? 1 : 0;
        offered += got == Handoff.OFFERED ? 1 : 0;
      }
      if (got != message.expected()) {
        misses.add(new Miss(message, got, turn.answer().reason()));
      }
    }
    return new Report(messages.size(), shouldRoute, ratio(routed, shouldRoute), ratio(needless, shouldNot),
        ratio(offered, shouldNot), misses);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }
}
