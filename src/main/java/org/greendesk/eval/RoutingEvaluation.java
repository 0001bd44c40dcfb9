package org.greendesk.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Turn;

/**
 * Scores the handoff policy on labelled messages ({@code {"q", "route": "created|offered|none", "lang": "ko",
 * "history": [...]}}, the history being earlier questions of the same conversation, the language English when not
 * given): how many messages that need a person get one (recall), and how many that do not are routed anyway
 * (needless routing), in all and by language.
 */
public final class RoutingEvaluation {

  public record Labelled(String q, Handoff expected, List<String> history, String language) {}

  public record Miss(Labelled message, Handoff got, String reason) {}

  /**
   * @param recall share of messages labelled {@code created} that created an escalation
   * @param needless share of messages labelled {@code none} that created one
   * @param offeredNeedlessly share of messages labelled {@code none} that were offered an advisor
   * @param byLanguage the same figures for each language's messages alone
   */
  public record Report(int messages, int shouldRoute, double recall, double needless, double offeredNeedlessly,
      List<Miss> misses, Map<String, Report> byLanguage) {}

  /** The labelled messages of a file, or of the {@code *.jsonl} files of a folder. */
  public static List<Labelled> load(Path fileOrFolder) throws IOException {
    return JsonLines.read(fileOrFolder, JsonLines::jsonl, (node, file, line) -> new Labelled(node.path("q").asText(),
        Handoff.valueOf(node.path("route").asText().toUpperCase(Locale.ROOT)), JsonLines.strings(node.path("history")),
        node.path("lang").asText("en")));
  }

  public static Report run(Assistant assistant, List<Labelled> messages) {
    List<Turn> turns = messages.stream().map(message -> {
      List<Turn> history = new ArrayList<>();
      message.history().forEach(h -> history.add(assistant.reply(h, history, 3)));
      return assistant.reply(message.q(), history, 3);
    }).toList();
    return score(messages, turns, true);
  }

  private static Report score(List<Labelled> messages, List<Turn> turns, boolean withLanguages) {
    List<Miss> misses = new ArrayList<>();
    int shouldRoute = 0;
    int routed = 0;
    int shouldNot = 0;
    int needless = 0;
    int offered = 0;
    for (int i = 0; i < messages.size(); i++) {
      Labelled message = messages.get(i);
      Turn turn = turns.get(i);
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
    Map<String, Report> byLanguage = new TreeMap<>();
    if (withLanguages) {
      messages.stream().map(Labelled::language).distinct().forEach(language -> {
        List<Integer> own = IntStream.range(0, messages.size())
            .filter(i -> messages.get(i).language().equals(language)).boxed().toList();
        byLanguage.put(language, score(own.stream().map(messages::get).toList(), own.stream().map(turns::get)
            .toList(), false));
      });
    }
    return new Report(messages.size(), shouldRoute, ratio(routed, shouldRoute), ratio(needless, shouldNot),
        ratio(offered, shouldNot), misses, byLanguage);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }
}
