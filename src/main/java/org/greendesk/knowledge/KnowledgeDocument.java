package org.greendesk.knowledge;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One validated document of the knowledge base.
 *
 * @param shortName labels the part of an answer quoted from this document ("EU REACH"); the title when the
 *     document gives none
 * @param source the official URL, or {@code null} when the document names none
 * @param sources the pages that state particular sections' facts, by section heading
 * @param attributes the other front-matter fields (location, starts, deadline, ...) as text
 * @param body the Markdown after the front matter
 * @param questions the pairs of its "Questions" section, in order
 * @param related ids listed in the document's "Related" section, in order
 * @param contentHash a hash of the file's bytes, to tell what changed between two loads
 * @param applicability whom the document concerns ({@code applies_to}, {@code eligible}); empty when it says not
 */
public record KnowledgeDocument(
    String id,
    String title,
    String shortName,
    String category,
    List<String> economies,
    List<String> topics,
    List<String> aliases,
    @Nullable String source,
    Map<String, String> sources,
    Review review,
    Map<String, String> attributes,
    String body,
    List<QuestionPair> questions,
    List<String> related,
    Path file,
    String contentHash,
    Applicability applicability) {

  public KnowledgeDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(category, "category");
    economies = List.copyOf(economies);
    topics = List.copyOf(topics);
    aliases = List.copyOf(aliases);
    sources = Map.copyOf(sources);
    Objects.requireNonNull(review, "review");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(body, "body");
    questions = List.copyOf(questions);
    related = List.copyOf(related);
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(applicability, "applicability");
  }

  /** A document that states no applicability, as a knowledge folder of another domain has. */
  public KnowledgeDocument(String id, String title, String shortName, String category, List<String> economies,
      List<String> topics, List<String> aliases, @Nullable String source, Map<String, String> sources, Review review,
      Map<String, String> attributes, String body, List<QuestionPair> questions, List<String> related, Path file,
      String contentHash) {
    this(id, title, shortName, category, economies, topics, aliases, source, sources, review, attributes, body,
        questions, related, file, contentHash, Applicability.NONE);
  }

  /** A document with only the fields a knowledge folder of another domain needs, for tools and tests. */
  public static KnowledgeDocument of(String id, String title, String category, List<String> economies, String body) {
    return new KnowledgeDocument(id, title, title, category, economies, List.of(), List.of(), null, Map.of(),
        Review.UNKNOWN, Map.of(), body, List.of(), List.of(), Path.of(id + ".md"),
        Integer.toHexString(body.hashCode()));
  }

  /** The day its facts were last checked, or {@code null} when unknown. */
  public @Nullable LocalDate reviewed() {
    return review.reviewed();
  }
}
