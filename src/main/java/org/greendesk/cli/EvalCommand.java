package org.greendesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.greendesk.assistant.AnswerWeights;
import org.greendesk.config.GreenDesk;
import org.greendesk.eval.AnswerEvaluation;
import org.greendesk.eval.BeirEvaluation;
import org.greendesk.eval.EvalQuestion;
import org.greendesk.eval.EvalSet;
import org.greendesk.eval.FollowUpEvaluation;
import org.greendesk.eval.MultilingualEvaluation;
import org.greendesk.eval.ProfileEvaluation;
import org.greendesk.eval.RetrievalEvaluation;
import org.greendesk.eval.RoutingEvaluation;
import org.greendesk.search.SearchMode;
import org.greendesk.search.RetrievalSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eval}: the project's own figures, or a BEIR benchmark's. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Score retrieval on the project's evaluation set, or on a BEIR-format benchmark with --beir.")
final class EvalCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--set", paramLabel = "DIR", defaultValue = "eval/retrieval",
      description = "folder of *.jsonl questions (default: ${DEFAULT-VALUE})")
  Path set;

  @Option(names = "--answers", paramLabel = "DIR", defaultValue = "eval/answers",
      description = "folder of questions with the facts their answers must state (default: ${DEFAULT-VALUE})")
  Path answers;

  @Option(names = "--multilingual", paramLabel = "DIR", defaultValue = "eval/multilingual",
      description = "folder of questions in the SMEs' languages (default: ${DEFAULT-VALUE})")
  Path multilingual;

  @Option(names = "--routing", paramLabel = "DIR", defaultValue = "eval/routing",
      description = "folder of labelled routing messages (default: ${DEFAULT-VALUE})")
  Path routing;

  @Option(names = "--followups", paramLabel = "DIR", defaultValue = "eval/followups",
      description = "folder of follow-up questions with the conversation before them (default: ${DEFAULT-VALUE})")
  Path followups;

  @Option(names = "--profiles", paramLabel = "DIR", defaultValue = "eval/profiles",
      description = "folder of SME profiles with the rules expected to apply (default: ${DEFAULT-VALUE})")
  Path profiles;

  @Option(names = "--beir", paramLabel = "DIR", description = "a BEIR-format benchmark folder")
  @Nullable Path beir;

  @Option(names = "--split", defaultValue = "test", description = "the benchmark's split (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--mode", defaultValue = "hybrid", description = "bm25, dense or hybrid")
  String mode;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "override a retrieval setting, for tuning")
  Map<String, String> params = Map.of();

  @Option(names = "--answer-param", paramLabel = "NAME=VALUE", description = "override an answer setting, for tuning")
  Map<String, String> answerParams = Map.of();

  @Option(names = "--misses", description = "list the questions whose right document was not in the first 3")
  boolean misses;

  EvalCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    SearchMode searchMode = SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
    RetrievalSettings retrieval = RetrievalSettings.defaults().with(params);
    if (beir != null) {
      BeirEvaluation.Report report = new BeirEvaluation(launcher.settings(), retrieval).run(beir, split, searchMode,
          line -> terminal.err().println(line));
      terminal.out().printf(Locale.ROOT, "%s %s (%d queries, %d documents, %s, model %s)%n  nDCG@10     %.4f%n  Recall@100  %.4f%n",
          beir.getFileName(), split, report.queries(), report.documents(), mode, report.model(), report.ndcgAt10(),
          report.recallAt100());
      return 0;
    }
    // Each set is scored when its folder is there: `--answers none` leaves that one out, to tune another.
    List<EvalQuestion> questions = Files.isDirectory(set) ? EvalSet.load(set) : List.of();
    try (GreenDesk desk = launcher.open(terminal, retrieval).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      if (!answerParams.isEmpty()) {
        desk.tune(AnswerWeights.defaults().with(answerParams));
      }
      if (!questions.isEmpty()) {
        RetrievalEvaluation evaluation = new RetrievalEvaluation(desk.retriever()::search,
            q -> desk.assistant().reply(q, List.of(), 3).answer(), desk.knowledge());
        print(evaluation.run(questions, searchMode), desk.knowledge().documents().size(), terminal.out());
      }
      if (Files.isDirectory(answers)) {
        print(AnswerEvaluation.run(AnswerEvaluation.load(answers), q -> desk.assistant().reply(q, List.of(), 3)
            .answer()), terminal.out());
      }
      if (Files.isDirectory(multilingual)) {
        print(MultilingualEvaluation.run(MultilingualEvaluation.load(multilingual),
            q -> desk.assistant().reply(q, List.of(), 3).answer(), desk.languages()), terminal.out());
      }
      if (Files.isDirectory(routing)) {
        print(routing, RoutingEvaluation.run(desk.assistant(), RoutingEvaluation.load(routing)), terminal.out());
      }
      Path multilingualRouting = multilingual.resolve("routing.jsonl");
      if (Files.isRegularFile(multilingualRouting)) {
        print(multilingualRouting, RoutingEvaluation.run(desk.assistant(), RoutingEvaluation.load(multilingualRouting)),
            terminal.out());
      }
      if (Files.isDirectory(followups)) {
        print(FollowUpEvaluation.run(desk.assistant(), FollowUpEvaluation.load(followups)), terminal.out());
      }
      if (Files.isDirectory(profiles)) {
        print(ProfileEvaluation.run(desk.knowledge(), ProfileEvaluation.load(profiles), LocalDate.now()),
            terminal.out());
      }
      return 0;
    }
  }

  private void print(AnswerEvaluation.Report r, PrintStream out) {
    out.printf(Locale.ROOT, "Answers %s: %d questions%n  stating the fact (or that it is not known)  %.3f%n"
        + "  tuned on (%d questions): %.3f%n  held out (%d questions, not used for tuning): %.3f%n"
        + "  right document among the sources  %.3f%n"
        + "  holding something wrong for the asker  %.3f%n  over %d characters without a list asked for: %d "
        + "(mean length %.0f)%n", answers, r.questions(), r.stated(), r.questions() - r.heldOut(), r.trainStated(),
        r.heldOut(), r.heldOutStated(), r.found(), r.wrong(), AnswerEvaluation.CHAT_CHARS, r.overLength(),
        r.meanLength());
    r.byKind().forEach((kind, share) -> out.printf(Locale.ROOT, "    %-11s %.3f%n", kind, share));
    if (misses) {
      for (AnswerEvaluation.Outcome miss : r.misses().stream().filter(o -> !o.question().heldOut()).toList()) {
        out.printf(Locale.ROOT, "  miss %s:%d %s%n    must %s, must not %s%n    got: %s%n",
            miss.question().file(), miss.question().line(), miss.question().q(), miss.question().must(),
            miss.question().mustNot(), miss.answer().text().replace('\n', ' '));
      }
    }
  }

  private void print(MultilingualEvaluation.Report r, PrintStream out) {
    out.printf(Locale.ROOT, "Questions in the SMEs' languages %s: %d%n  right document among the first three sources "
        + "%.3f%n", multilingual, r.questions(), r.foundAll());
    r.found().forEach((language, found) -> out.printf(Locale.ROOT, "    %s (%d)  found %.3f, answered in %s %.3f%n",
        language, r.counts().get(language), found, language, r.inLanguage().get(language)));
    if (misses) {
      for (MultilingualEvaluation.Outcome miss : r.misses()) {
        out.printf(Locale.ROOT, "  miss %s:%d %s -> expected %s, got %s%n", miss.question().file(),
            miss.question().line(), miss.question().q(), miss.question().expected(),
            miss.answer().sources().stream().map(s -> s.id()).toList());
      }
    }
  }

  private void print(FollowUpEvaluation.Report r, PrintStream out) {
    out.printf(Locale.ROOT, "Follow-ups %s: %d conversations%n  right document among the follow-up's first three "
        + "sources %.3f%n", followups, r.conversations(), r.found());
    if (misses) {
      for (FollowUpEvaluation.Outcome miss : r.misses()) {
        out.printf(Locale.ROOT, "  miss %s:%d %s | %s -> expected %s, got %s%n", miss.conversation().file(),
            miss.conversation().line(), miss.conversation().history(), miss.conversation().q(),
            miss.conversation().expected(), miss.sources());
      }
    }
  }

  private void print(ProfileEvaluation.Report r, PrintStream out) {
    out.printf(Locale.ROOT, "Profiles %s: %d SMEs, %d rules expected to apply%n  applies precision  %.3f%n"
        + "  applies recall     %.3f%n  listed as applying though of another economy or sector: %d%n", profiles,
        r.profiles(), r.expected(), r.precision(), r.recall(), r.offTarget());
    if (misses) {
      for (ProfileEvaluation.Outcome miss : r.misses()) {
        out.printf(Locale.ROOT, "  miss %s:%d %s -> missed %s, listed wrongly %s%n", miss.expected().file(),
            miss.expected().line(), miss.expected().profile().id(), miss.missed(), miss.extra());
      }
    }
  }

  private void print(Path from, RoutingEvaluation.Report r, PrintStream out) {
    out.printf(Locale.ROOT, "Routing %s: %d labelled messages, %d that need a person%n", from, r.messages(),
        r.shouldRoute());
    out.printf(Locale.ROOT, "  recall of \"should route\"  %.3f%n  needless routing         %.3f%n"
        + "  advisor offered needlessly %.3f%n", r.recall(), r.needless(), r.offeredNeedlessly());
    if (r.byLanguage().size() > 1) {
      r.byLanguage().forEach((language, own) -> out.printf(Locale.ROOT, "    %s (%d)  recall %.3f, needless %.3f%n",
          language, own.messages(), own.recall(), own.needless()));
    }
    if (misses) {
      for (RoutingEvaluation.Miss miss : r.misses()) {
        out.printf(Locale.ROOT, "  miss %s -> expected %s, got %s (%s)%n", miss.message().q(),
            miss.message().expected().wire(), miss.got().wire(), miss.reason());
      }
    }
  }

  private void print(RetrievalEvaluation.Report r, int documents, PrintStream out) {
    out.printf(Locale.ROOT, "Evaluation set %s: %d questions on %d of %d documents (%s)%n", set, r.questions(),
        documents - r.documentsWithoutQuestions().size(), documents, mode);
    out.printf(Locale.ROOT, "  Recall@1  %.3f%n  Recall@3  %.3f%n  Recall@5  %.3f%n  MRR       %.3f%n",
        r.recallAt1(), r.recallAt3(), r.recallAt5(), r.mrr());
    out.printf(Locale.ROOT, "  held out (%d questions, not used for tuning): Recall@3 %.3f, MRR %.3f%n",
        r.heldOut(), r.heldOutRecallAt3(), r.heldOutMrr());
    out.printf(Locale.ROOT, "Confidence: mean %.2f when the first document is right, %.2f when it is wrong, %.2f off topic%n",
        r.meanConfidenceRight(), r.meanConfidenceWrong(), r.meanConfidenceOffTopic());
    out.printf(Locale.ROOT, "  answered without an offer of an advisor when right: %.3f%n", r.answeredWhenRight());
    out.printf(Locale.ROOT, "  off-topic questions declined or found nothing (%d): %.3f%n", r.offTopic(), r.offTopicDeclined());
    if (!r.documentsWithoutQuestions().isEmpty()) {
      out.println("Documents with no question: " + String.join(", ", r.documentsWithoutQuestions()));
    }
    if (misses) {
      for (RetrievalEvaluation.Outcome miss : r.misses()) {
        out.printf(Locale.ROOT, "  miss %s:%d %s -> expected %s, got %s%n", miss.question().file(),
            miss.question().line(), miss.question().q(), miss.question().expected(), miss.ranked());
      }
    }
  }
}
