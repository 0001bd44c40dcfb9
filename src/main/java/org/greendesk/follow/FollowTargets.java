package org.greendesk.follow;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;

/**
 * Reads what an SME asked to follow ("CBAM", "events Korea", "Viet Nam", "circular economy") against the knowledge
 * served: the words "events" first, then a document by id, alias, short name or title, then an economy, then a
 * topic some document has. Exact names only, case aside: a follow that guessed wrong would send notices the SME
 * never asked for. Pure.
 */
public final class FollowTargets {
  private static final Pattern EVENTS = Pattern.compile("(?i)events?(?:\\s+(?:in\\s+)?(.*))?");

  private FollowTargets() {}

  /** What the text names, or empty when it names nothing the knowledge knows. */
  public static Optional<Follow> resolve(String text, KnowledgeBase knowledge) {
    String wanted = text.strip();
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    Matcher events = EVENTS.matcher(wanted);
    if (events.matches()) {
      String where = events.group(1) == null ? "" : events.group(1).strip();
      return where.isEmpty() ? Optional.of(new Follow(Follow.Kind.EVENTS, "", ""))
          : economy(where, knowledge).map(e -> new Follow(Follow.Kind.EVENTS, e, e));
    }
    Optional<KnowledgeDocument> document = document(wanted, knowledge);
    if (document.isPresent()) {
      return document.map(d -> new Follow(Follow.Kind.DOCUMENT, d.id(), d.shortName()));
    }
    Optional<String> economy = economy(wanted, knowledge);
    if (economy.isPresent()) {
      return economy.map(e -> new Follow(Follow.Kind.ECONOMY, e, e));
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    return knowledge.documents().stream().flatMap(d -> d.topics().stream())
        .filter(topic -> topic.toLowerCase(Locale.ROOT).equals(lower)).findFirst()
        .map(topic -> new Follow(Follow.Kind.TOPIC, lower, topic));
  }

  private static Optional<KnowledgeDocument> document(String wanted, KnowledgeBase knowledge) {
    return knowledge.documents().stream()
        .filter(d -> d.id().equalsIgnoreCase(wanted) || d.shortName().equalsIgnoreCase(wanted)
            || d.title().equalsIgnoreCase(wanted) || d.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted)))
        .findFirst();
  }

  /** The economy the name stands for, as documents name it: the one so named when the name stands for several. */
  static Optional<String> economy(String name, KnowledgeBase knowledge) {
    Set<String> found = knowledge.economies().exactly(name);
    return found.stream().filter(e -> e.equalsIgnoreCase(name.strip())).findFirst()
        .or(() -> found.stream().findFirst());
  }
}
