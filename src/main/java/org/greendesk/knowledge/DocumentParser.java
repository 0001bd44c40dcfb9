package org.greendesk.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses and validates one Markdown document with YAML front matter. Stateless apart from its settings. */
final class DocumentParser {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final int MAX_SHORT_NAME = 40;
  private static final Set<String> KNOWN_KEYS = Set.of("id", "title", "short_name", "category", "economies",
      "topics", "aliases", "source", "sources", "reviewed", "reviewed_by", "review_every", "next_review",
      "verification", "verification_note");
  private static final Pattern RELATED_HEADING =
      Pattern.compile("^##\\s+(related|related documents|see also)\\s*$", Pattern.CASE_INSENSITIVE);

  private final Set<String> allowedCategories;
  private final Set<String> economies;

  /**
   * @param allowedCategories the categories a document may name; empty allows any
   * @param economies the economy names {@code applies_to} and {@code eligible} may use; empty allows any
   */
  DocumentParser(Set<String> allowedCategories, Set<String> economies) {
    this.allowedCategories = Set.copyOf(allowedCategories);
    this.economies = Set.copyOf(economies);
  }

  /** A parsed document with the file lines of its pairs' answers, for reporting repeated questions. */
  record Parsed(KnowledgeDocument document, List<QuestionsSection.Numbered> pairs) {}

  /**
   * The document, or empty with the reasons added to {@code problems}.
   *
   * @param warnings where what should be mended but does not stop the load is added (a home page as source)
   */
  Optional<Parsed> parse(Path file, byte[] bytes, List<KnowledgeProblem> problems, List<KnowledgeProblem> warnings) {
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      problems.add(new KnowledgeProblem(file, 1, "missing YAML front matter: the first line must be '---'"));
      return Optional.empty();
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      problems.add(new KnowledgeProblem(file, 1, "front matter is not closed by a line '---'"));
      return Optional.empty();
    }
    JsonNode meta;
    try {
      meta = YAML.readTree(String.join("\n", lines.subList(1, close)));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
      problems.add(new KnowledgeProblem(file, line, "invalid YAML: " + e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (meta == null || !meta.isObject()) {
      problems.add(new KnowledgeProblem(file, 2, "front matter must be a YAML mapping of fields"));
      return Optional.empty();
    }
    String body = String.join("\n", lines.subList(close + 1, lines.size())).strip();
    List<QuestionsSection.Numbered> pairs = QuestionsSection.read(file, lines, close + 1, problems);
    return validate(new FrontMatter(file, bytes, meta, problems), body, pairs, warnings)
        .map(document -> new Parsed(document, pairs));
  }

  private Optional<KnowledgeDocument> validate(FrontMatter front, String body, List<QuestionsSection.Numbered> pairs,
      List<KnowledgeProblem> warnings) {
    int before = front.problems().size();
    String id = front.required("id");
    String title = front.required("title");
    String category = front.required("category");
    if (id != null && !ID.matcher(id).matches()) {
      front.problem("id", "id '" + id + "' must be letters, digits, '.', '_' or '-'");
    }
    if (category != null && !allowedCategories.isEmpty() && !allowedCategories.contains(category)) {
      front.problem("category", "unknown category '" + category + "' (known: "
          + String.join(", ", allowedCategories.stream().sorted().toList()) + ")");
    }
    String source = front.webUrl("source");
    String shortName = front.text("short_name");
    if (shortName != null && shortName.length() > MAX_SHORT_NAME) {
      front.problem("short_name", "short_name of " + shortName.length() + " characters (at most " + MAX_SHORT_NAME
          + ")");
    }
    Map<String, String> sources = front.sectionSources(headings(body));
    if (category != null && (category.equals("regulation") || category.equals("funding"))) {
      warnHomePages(front, source, sources, warnings);
    }
    Review review = front.review();
    front.dates("starts", "ends", "deadline");
    Applicability applicability = ApplicabilityReader.read(front, economies);
    if (body.isBlank()) {
      front.problems().add(new KnowledgeProblem(front.file(), 0, "no text after the front matter"));
    }
    if (front.problems().size() > before || id == null || title == null || category == null) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    front.meta().fields().forEachRemaining(field -> {
      if (!KNOWN_KEYS.contains(field.getKey()) && !ApplicabilityReader.KEYS.contains(field.getKey())) {
        attributes.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
            : String.join(", ", strings(field.getValue())));
      }
    });
    JsonNode meta = front.meta();
    return Optional.of(new KnowledgeDocument(id, title, shortName == null ? title : shortName, category,
        strings(meta.get("economies")), strings(meta.get("topics")), strings(meta.get("aliases")), source, sources,
        review, attributes, body, pairs.stream().map(QuestionsSection.Numbered::pair).toList(), relatedIds(body),
        front.file(), HexFormat.of().formatHex(KnowledgeLoader.sha256().digest(front.bytes())), applicability));
  }

  /** A regulation's or a programme's facts are stated on a deeper page than a site's home page. */
  private static void warnHomePages(FrontMatter front, @Nullable String source, Map<String, String> sources,
      List<KnowledgeProblem> warnings) {
    if (source != null && FrontMatter.isHomePage(source)) {
      warnings.add(new KnowledgeProblem(front.file(), front.lineOf("source"),
          "source is a home page, not the page that states the facts: " + source));
    }
    sources.forEach((heading, url) -> {
      if (FrontMatter.isHomePage(url)) {
        warnings.add(new KnowledgeProblem(front.file(), front.lineOfEntry("sources", heading), "the source of "
            + "section '" + heading + "' is a home page, not the page that states its facts: " + url));
      }
    });
  }

  private static List<String> headings(String body) {
    return body.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3).strip()).toList();
  }

  /** A YAML value as a list of strings: a list, a single scalar, or nothing. */
  static List<String> strings(@Nullable JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(item -> {
        if (item.isValueNode() && !item.asText().isBlank()) {
          values.add(item.asText().strip());
        }
      });
    } else if (node.isValueNode() && !node.asText().isBlank()) {
      values.add(node.asText().strip());
    }
    return values;
  }

  /** The 1-based line of a top-level front-matter key in the file, or 1 when it is not found. */
  static int lineOfKey(byte[] bytes, String key) {
    return FrontMatter.lineOfKey(bytes, key);
  }

  /** Ids listed as bullets in the "Related" section: a list of ids, by the format's convention. */
  private static List<String> relatedIds(String body) {
    List<String> ids = new ArrayList<>();
    boolean inRelated = false;
    for (String line : body.lines().toList()) {
      if (line.startsWith("## ")) {
        inRelated = RELATED_HEADING.matcher(line.strip()).matches();
      } else if (inRelated && line.strip().startsWith("- ")) {
        String candidate = line.strip().substring(2).strip().replace("`", "");
        if (ID.matcher(candidate).matches()) {
          ids.add(candidate);
        }
      }
    }
    return ids;
  }

  static boolean isRelatedHeading(String headingLine) {
    return RELATED_HEADING.matcher(headingLine.strip()).matches();
  }
}
