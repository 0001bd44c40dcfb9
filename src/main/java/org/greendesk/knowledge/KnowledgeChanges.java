package org.greendesk.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changed between two loads of the knowledge, by document and, for a changed document, by section: what a
 * reload reports to staff, and what an SME who follows a document can be told. Pure and immutable.
 *
 * <p>A section is a {@code ##} heading with the text under it; the text before the first {@code ##} heading (the
 * title line and the opening sentences) is the section {@value #INTRODUCTION}. A section's text changed when it
 * differs other than in spacing and line breaks, so re-flowing a paragraph is no change. A section added or
 * removed counts as changed. Two sections with the same heading are told apart by their order ("Notes",
 * "Notes (2)").
 *
 * @param added ids of documents only in the new load, in its order
 * @param removed ids of documents only in the old load, in its order
 * @param changed documents in both whose file changed, in the new load's order
 */
public record KnowledgeChanges(List<String> added, List<String> removed, List<ChangedDocument> changed) {
  /** The name of the text before a document's first {@code ##} heading. */
  public static final String INTRODUCTION = "(introduction)";
  private static final Pattern SPACE = Pattern.compile("\\s+");

  public KnowledgeChanges {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /**
   * A document whose file changed.
   *
   * @param sections the headings of the sections whose text changed, in the new document's order, then those
   *     removed; empty when only the front matter changed
   */
  public record ChangedDocument(String id, List<String> sections) {
    public ChangedDocument {
      Objects.requireNonNull(id, "id");
      sections = List.copyOf(sections);
    }
  }

  /** The changes from {@code before} to {@code after}, documents matched by id. */
  public static KnowledgeChanges between(List<KnowledgeDocument> before, List<KnowledgeDocument> after) {
    Map<String, KnowledgeDocument> old = byId(before);
    Map<String, KnowledgeDocument> now = byId(after);
    List<String> added = now.keySet().stream().filter(id -> !old.containsKey(id)).toList();
    List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    List<ChangedDocument> changed = new ArrayList<>();
    for (KnowledgeDocument document : now.values()) {
      KnowledgeDocument earlier = old.get(document.id());
      if (earlier != null && !earlier.contentHash().equals(document.contentHash())) {
        changed.add(new ChangedDocument(document.id(), changedSections(earlier.body(), document.body())));
      }
    }
    return new KnowledgeChanges(added, removed, changed);
  }

  /** True when no document was added, removed or changed. */
  public boolean none() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** The headings of the sections whose text differs between two bodies; see the class comment. */
  public static List<String> changedSections(String before, String after) {
    Map<String, String> old = sections(before);
    Map<String, String> now = sections(after);
    Set<String> changed = new LinkedHashSet<>();
    now.forEach((heading, text) -> {
      if (!text.equals(old.get(heading))) {
        changed.add(heading);
      }
    });
    old.keySet().stream().filter(heading -> !now.containsKey(heading)).forEach(changed::add);
    return List.copyOf(changed);
  }

  /** A Markdown body's sections in order: heading to its text, spacing normalised. */
  static Map<String, String> sections(String body) {
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    StringBuilder current = new StringBuilder();
    sections.put(INTRODUCTION, current);
    for (String line : body.lines().toList()) {
      if (line.startsWith("## ")) {
        String heading = line.substring(3).strip();
        String unique = heading;
        for (int n = 2; sections.containsKey(unique); n++) {
          unique = heading + " (" + n + ")";
        }
        current = new StringBuilder();
        sections.put(unique, current);
      } else {
        current.append(line).append('\n');
      }
    }
    Map<String, String> normalised = new LinkedHashMap<>();
    sections.forEach((heading, text) -> normalised.put(heading, SPACE.matcher(text).replaceAll(" ").strip()));
    if (normalised.get(INTRODUCTION).isEmpty()) {
      normalised.remove(INTRODUCTION);
    }
    return normalised;
  }

  private static Map<String, KnowledgeDocument> byId(List<KnowledgeDocument> documents) {
    Map<String, KnowledgeDocument> byId = new LinkedHashMap<>();
    documents.forEach(d -> byId.put(d.id(), d));
    return byId;
  }
}
