package org.greendesk.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draft documents in the knowledge folder's {@value #FOLDER} folder, which the loader skips: a draft is served
 * only once a person has checked it and moved it into its category's folder. A draft is a valid document as
 * written (front matter with {@code status: draft}), so moving it is all publishing takes.
 */
public final class KnowledgeDrafts {
  public static final String FOLDER = "drafts";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  /** @param knowledgeDir the knowledge folder; drafts go into its {@value #FOLDER} folder */
  public KnowledgeDrafts(Path knowledgeDir) {
    this.folder = knowledgeDir.resolve(FOLDER);
  }

  /**
   * What a draft says.
   *
   * @param id the document id, also the file's name
   * @param note why the draft exists, shown under the title
   */
  public record Draft(String id, String title, String category, List<String> economies, String note,
      String question, String answer, LocalDate written) {
    public Draft {
      Objects.requireNonNull(id, "id");
      economies = List.copyOf(economies);
    }
  }

  /**
   * Writes the draft, never over another file.
   *
   * @return the file written
   * @throws IOException when the file exists or cannot be written
   */
  public Path write(Draft draft) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(draft.id() + ".md");
    return Files.writeString(file, markdown(draft), java.nio.file.StandardOpenOption.CREATE_NEW);
  }

  /**
   * A curated pair waiting for review: the question and the advisor's answer, each on one line as the
   * "Questions" section wants them, to be shortened and moved into the document they belong to.
   */
  static String markdown(Draft d) {
    return "---\nid: " + d.id() + "\ntitle: " + quoted(d.title()) + "\ncategory: " + d.category()
        + "\neconomies: " + list(d.economies()) + "\nwritten: " + d.written() + "\nstatus: draft\n---\n# "
        + d.title().replace('\n', ' ') + "\n\n> " + d.note().replace("\n", "\n> ") + "\n\n## Questions\n"
        + QuestionPair.QUESTION + " " + oneLine(d.question()) + "\n" + QuestionPair.ANSWER + " " + oneLine(d.answer())
        + "\n";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** A lower-case id from the words of a text, at most {@code words} of them, with a suffix that keeps it unique. */
  public static String id(String text, int words, String suffix) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    StringBuilder id = new StringBuilder();
    int used = 0;
    for (String part : parts) {
      if (!part.isEmpty() && used < words) {
        id.append(part).append('-');
        used++;
      }
    }
    return id + suffix;
  }

  /** A YAML scalar in double quotes (JSON's escaping is YAML's), so a question's colons and quotes stay text. */
  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text.replace('\n', ' ').strip());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String list(List<String> values) {
    return values.stream().map(KnowledgeDrafts::quoted).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }
}
