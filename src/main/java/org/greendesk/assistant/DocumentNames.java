package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.greendesk.knowledge.KnowledgeDocument;
import org.jspecify.annotations.Nullable;

/**
 * What documents are called: to show them by their short name where a quoted sentence names them by id ("see
 * fund-kr-kosme-policy-loans"), to label the part of an answer taken from each, and to tell which documents a
 * question names. Only ids with a hyphen are replaced, so that an id that is also a plain word is left alone.
 * Immutable.
 */
public final class DocumentNames {
  private static final Pattern ACRONYM = Pattern.compile("\\(([^()]{2,20})\\)");

  private final Map<String, String> titles = new HashMap<>();
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Pattern> names = new HashMap<>();
  private final Map<String, Set<String>> terms = new HashMap<>();
  private final @Nullable Pattern ids;

  /** @param analyse the index's analysis, to tell a name's words in a question */
  public DocumentNames(List<KnowledgeDocument> documents, Function<String, List<String>> analyse) {
    for (KnowledgeDocument d : documents) {
      if (d.id().contains("-")) {
        titles.putIfAbsent(d.id(), d.shortName());
      }
      labels.put(d.id(), d.shortName());
      List<String> all = namesOf(d);
      names.put(d.id(), pattern(all));
      Set<String> words = new HashSet<>();
      all.forEach(n -> words.addAll(analyse.apply(n)));
      terms.put(d.id(), Set.copyOf(words));
    }
    String alternatives = titles.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|"));
    // An id inside a link ("https://example.org/eu-cbam") is part of the link, not a name.
    this.ids = titles.isEmpty() ? null : Pattern.compile("(?<![\\w/.=#-])(?:" + alternatives + ")(?![\\w-])");
  }

  /** The short name, the aliases, and an acronym the title gives in brackets: "(CBAM)". */
  private static List<String> namesOf(KnowledgeDocument d) {
    List<String> all = new ArrayList<>(d.aliases());
    all.add(d.shortName());
    Matcher acronym = ACRONYM.matcher(d.title());
    while (acronym.find()) {
      all.add(acronym.group(1));
    }
    return all.stream().filter(n -> n.length() >= 3).toList();
  }

  String withTitles(String text) {
    if (ids == null) {
      return text;
    }
    Matcher matcher = ids.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(titles.get(match.group())));
  }

  /** How an answer labels what it quotes from the document. */
  String label(String documentId) {
    return labels.getOrDefault(documentId, documentId);
  }

  /**
   * The longest of the document's names the question calls it by, lower case; empty when none. A name inside a
   * hyphenated word does not count: "REACH" is not named in "K-REACH".
   */
  Optional<String> nameIn(String question, KnowledgeDocument document) {
    Pattern pattern = names.get(document.id());
    if (pattern == null) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(question);
    String longest = null;
    while (matcher.find()) {
      String name = matcher.group().toLowerCase(Locale.ROOT);
      longest = longest == null || name.length() > longest.length() ? name : longest;
    }
    return Optional.ofNullable(longest);
  }

  /** True when the question calls some document other than this one by one of its names. */
  boolean namesAnother(String question, String documentId) {
    return names.entrySet().stream().anyMatch(e -> !e.getKey().equals(documentId)
        && e.getValue().matcher(question).find());
  }

  private static Pattern pattern(List<String> names) {
    String alternatives = names.stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + alternatives + ")(?![\\p{L}\\p{N}-])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The words of the document's names, which say what is asked about, not which part of it. */
  Set<String> terms(String documentId) {
    return terms.getOrDefault(documentId, Set.of());
  }
}
