package org.greendesk.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Reads what a question asks for from the routing policy's cue phrases ({@code asks_date}, {@code asks_amount},
 * ...): the kinds whose cues it holds, the one that comes first first ("when" before "small companies"). A
 * definition is asked for only when nothing more specific is. Immutable and thread safe.
 */
final class QuestionReader {
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)20\\d\\d(?!\\d)");
  private static final Pattern TERM = Pattern.compile(
      "(?<!\\p{L})['\"\u2018\u201c]([^'\"\u2019\u201d]{2,40})['\"\u2019\u201d]|\\b(\\p{Lu}[\\p{Lu}\\d]{2,})\\b"
      + "|\\b(\\p{Ll}+(?:-\\p{Ll}+){2,})\\b");
  private final Map<AnswerKind, Phrases> cues = new EnumMap<>(AnswerKind.class);
  private final Phrases history;
  private final Phrases list;
  private final Phrases comparison;
  /** What an amount asked for may be of ("a fine", "a fee"), each group the words that name it. */
  private final List<Phrases> amountsOf;
  private final Phrases now;
  private final Phrases moving;
  private final Phrases smallFirm;
  private final Function<String, List<String>> analyse;
  private final Predicate<String> questionWord;
  private final Clock clock;

  /**
   * @param analyse the index's analysis, so that focus terms compare with sentences as the search does
   * @param questionWord tells the words of how people ask ("what", "did"), which say nothing of the focus
   * @param clock tells which year and quarter "now" is
   */
  QuestionReader(RoutingPolicy policy, Function<String, List<String>> analyse, Predicate<String> questionWord,
      Clock clock) {
    this.analyse = analyse;
    this.questionWord = questionWord;
    this.clock = clock;
    for (AnswerKind kind : AnswerKind.values()) {
      if (kind != AnswerKind.GENERAL) {
        cues.put(kind, policy.phrases(kind.cues()));
      }
    }
    this.history = policy.phrases("asks_history");
    this.list = policy.phrases("asks_list");
    this.comparison = policy.phrases("asks_comparison");
    this.amountsOf = List.of(policy.phrases("amount_fine"), policy.phrases("amount_fee"));
    this.now = policy.phrases("asks_now");
    this.moving = policy.phrases("amount_moving");
    this.smallFirm = policy.phrases("small_firm");
  }

  /**
   * What a message asks for, in the context of the question it was completed into: the kinds it asks for itself
   * ("and the deadline?"), else those of the whole; the focus of the whole.
   */
  AskedFor read(String message, String standalone) {
    AskedFor own = read(message);
    if (message.equals(standalone)) {
      return own;
    }
    AskedFor whole = read(standalone);
    boolean specific = own.primary() != AnswerKind.GENERAL && own.primary() != AnswerKind.DEFINITION;
    return new AskedFor(specific ? own.kinds() : whole.kinds(), whole.focus(), own.history() || whole.history(),
        own.list() || whole.list(), own.comparison(), specific ? own.factWords() : whole.factWords(),
        specific ? own.years() : whole.years(), specific ? own.quarter() : whole.quarter(),
        specific ? own.terms() : whole.terms(), specific ? own.smallFirm() : whole.smallFirm());
  }

  /** The years a question names: "the rate for 2028". */
  private static List<String> years(String question) {
    return YEAR.matcher(question).results().map(MatchResult::group).distinct().toList();
  }

  AskedFor read(String question) {
    List<AnswerKind> kinds = kinds(question);
    List<String> focus = analyse.apply(question).stream().filter(t -> !questionWord.test(t)).distinct().toList();
    Phrases factWords = kinds.get(0) != AnswerKind.AMOUNT ? Phrases.NONE
        : amountsOf.stream().filter(p -> p.foundIn(question)).findFirst().orElse(Phrases.NONE);
    List<String> years = years(question);
    List<Integer> quarters = AskedFor.quarters(question);
    int quarter = quarters.isEmpty() ? 0 : quarters.get(0);
    // A price or a floating rate "today" is the one of this year and quarter: a document's figure for another is
    // not it. A fixed amount asked for "now" (a grant's rate) is what the document says.
    if (kinds.get(0) == AnswerKind.AMOUNT && now.foundIn(question) && moving.foundIn(question)) {
      LocalDate today = LocalDate.now(clock);
      years = years.isEmpty() ? List.of(Integer.toString(today.getYear())) : years;
      quarter = quarter == 0 ? (today.getMonthValue() + 2) / 3 : quarter;
    }
    return new AskedFor(kinds, focus, history.foundIn(question),
        list.foundIn(question) || kinds.get(0) == AnswerKind.STEPS || kinds.get(0) == AnswerKind.DOCUMENTS,
        comparison.foundIn(question), factWords, years, quarter,
        kinds.get(0) == AnswerKind.DEFINITION ? terms(question) : List.of(),
        kinds.get(0) == AnswerKind.APPLIES && smallFirm.foundIn(question) ? smallFirm : Phrases.NONE);
  }

  /** The terms a question names to be defined: acronyms of three letters or more, hyphenated terms, quoted ones. */
  private static List<String> terms(String question) {
    return TERM.matcher(question).results()
        .map(m -> m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
        .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
  }

  /** The kind of fact a question asks for first, read from its cue phrases alone (no analysis: cheap). */
  AnswerKind primary(String question) {
    return kinds(question).get(0);
  }

  /** The kinds a question asks for, the one written first first; never empty. */
  private List<AnswerKind> kinds(String question) {
    List<AnswerKind> kinds = new ArrayList<>();
    Map<AnswerKind, Integer> positions = new EnumMap<>(AnswerKind.class);
    cues.forEach((kind, phrases) -> {
      int at = phrases.firstIndexIn(question);
      if (at >= 0 && kind != AnswerKind.DEFINITION) {
        positions.put(kind, at);
      }
    });
    positions.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .forEach(e -> kinds.add(e.getKey()));
    if (kinds.isEmpty()) {
      kinds.add(cues.get(AnswerKind.DEFINITION).foundIn(question) ? AnswerKind.DEFINITION : AnswerKind.GENERAL);
    }
    return kinds;
  }
}
