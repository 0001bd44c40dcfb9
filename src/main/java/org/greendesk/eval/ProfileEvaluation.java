package org.greendesk.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.greendesk.contract.CheckRequest;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.profile.CheckResult;
import org.greendesk.profile.Checker;
import org.greendesk.profile.Profile;

/**
 * Scores {@code check} on SME profiles with the rules expected to apply to them ({@code eval/profiles/*.jsonl}: a
 * profile's fields plus {@code "expected": [ids]} and optionally {@code "must_not_apply": [ids]}): precision and
 * recall of the rules listed as applying, and how many listed rules are of an economy the SME neither is in nor
 * exports to, or are named as not applying to it.
 */
public final class ProfileEvaluation {

  /** A profile and what should apply to it; {@code file} and {@code line} say where it is written. */
  public record Expected(Profile profile, List<String> expected, List<String> mustNot, String file, int line) {}

  /**
   * @param offTarget listed as applying although of another economy than the SME's and its markets, or named in
   *     {@code must_not_apply}
   */
  public record Outcome(Expected expected, List<String> applies, List<String> missed, List<String> extra,
      List<String> offTarget) {}

  /** Micro-averaged over all profiles; a set that lists nothing has a precision of 1. */
  public record Report(int profiles, int expected, double precision, double recall, int offTarget,
      List<Outcome> misses) {}

  public static List<Expected> load(Path folder) throws IOException {
    return JsonLines.read(folder, JsonLines::jsonl, (node, file, line) -> new Expected(CheckRequest.profile(node),
        JsonLines.strings(node.path("expected")), JsonLines.strings(node.path("must_not_apply")), file, line));
  }


  public static Report run(KnowledgeBase base, List<Expected> profiles, LocalDate today) {
    Checker checker = new Checker(base);
    Map<String, KnowledgeDocument> documents = base.byId();
    int listed = 0;
    int right = 0;
    int expected = 0;
    int offTarget = 0;
    List<Outcome> misses = new ArrayList<>();
    for (Expected profile : profiles) {
      CheckResult result = checker.check(profile.profile(), today);
      List<String> applies = result.applies().stream().map(CheckResult.Finding::id).toList();
      Set<String> economies = economies(profile.profile(), base.economies());
      List<String> off = applies.stream().filter(id -> profile.mustNot().contains(id)
          || documents.get(id).economies().stream().noneMatch(economies::contains)).toList();
      List<String> missed = profile.expected().stream().filter(id -> !applies.contains(id)).toList();
      List<String> extra = applies.stream().filter(id -> !profile.expected().contains(id)).toList();
      listed += applies.size();
      expected += profile.expected().size();
      right += applies.size() - extra.size();
      offTarget += off.size();
      if (!missed.isEmpty() || !extra.isEmpty()) {
        misses.add(new Outcome(profile, applies, missed, extra, off));
      }
    }
    return new Report(profiles.size(), expected, listed == 0 ? 1 : (double) right / listed,
        expected == 0 ? 1 : (double) right / expected, offTarget, misses);
  }

  /** The SME's economy and markets with their groups, and "Global". */
  private static Set<String> economies(Profile profile, EconomyLexicon lexicon) {
    Set<String> all = new LinkedHashSet<>();
    all.add("Global");
    Stream.concat(Stream.ofNullable(profile.economy()), profile.exportsTo().stream())
        .flatMap(name -> lexicon.exactly(name).stream())
        .forEach(economy -> all.addAll(lexicon.memberships(economy)));
    return all;
  }
}
