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
 * @param source the official URL, or {@code null} when the document names none
 * @param reviewed the date its facts were last checked, or {@code null} when unknown
 * @param attributes the other front-matter fields (location, starts, deadline, ...) as text
 * @param body the Markdown after the front matter
 * @param related ids listed in the document's "Related" section, in order
 * @param contentHash a hash of the file's bytes, to tell what changed between two loads
 */
public record KnowledgeDocument(
    String id,
    String title,
    String category,
    List<String> economies,
    List<String> topics,
    List<String> aliases,
    @Nullable String source,
    @Nullable LocalDate reviewed,
    Map<String, String> attributes,
    String body,
    List<String> related,
    Path file,
    String contentHash) {

  public KnowledgeDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    economies = List.copyOf(economies);
    topics = List.copyOf(topics);
    aliases = List.copyOf(aliases);
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(body, "body");
    related = List.copyOf(related);
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(contentHash, "contentHash");
  }
}
