package org.greendesk.assistant;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.greendesk.knowledge.KnowledgeDocument;

/**
 * Shows documents by title where a quoted sentence names them by id ("see fund-kr-kosme-policy-loans"). Only
 * ids with a hyphen are replaced, so that an id that is also a plain word is left alone. Immutable.
 */
final class DocumentNames {
  private final Map<String, String> titles;
  private final @Nullable Pattern ids;

  DocumentNames(List<KnowledgeDocument> documents) {
    this.titles = documents.stream().filter(d -> d.id().contains("-"))
        .collect(Collectors.toMap(KnowledgeDocument::id, KnowledgeDocument::title, (a, b) -> a));
    String alternatives = titles.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|"));
    this.ids = titles.isEmpty() ? null : Pattern.compile("(?<![\\w-])(?:" + alternatives + ")(?![\\w-])");
  }

  String withTitles(String text) {
    if (ids == null) {
      return text;
    }
    Matcher matcher = ids.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(titles.get(match.group())));
  }
}
