package org.greendesk.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses and validates one Markdown document with YAML front matter. Stateless apart from its settings. */
final class DocumentParser {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Set<String> KNOWN_KEYS =
      Set.of("id", "title", "category", "economies", "topics", "aliases", "source", "reviewed");
  private static final Set<String> DATE_KEYS = Set.of("reviewed", "starts", "ends", "deadline");
  private static final Pattern RELATED_HEADING =
      Pattern.compile("^##\\s+(related|related documents|see also)\\s*$", Pattern.CASE_INSENSITIVE);

  private final Set<String> allowedCategories;

  /** @param allowedCategories the categories a document may name; empty allows any */
  DocumentParser(Set<String> allowedCategories) {
    this.allowedCategories = Set.copyOf(allowedCategories);
  }

  /** The document, or empty with the reasons added to {@code problems}. */
  Optional<KnowledgeDocument> parse(Path file, byte[] bytes, List<KnowledgeProblem> problems) {
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
    String yaml = String.join("\n", lines.subList(1, close));
    JsonNode meta;
    try {
      meta = YAML.readTree(yaml);
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
    return validate(file, bytes, meta, body, problems);
  }

  private Optional<KnowledgeDocument> validate(
      Path file, byte[] bytes, JsonNode meta, String body, List<KnowledgeProblem> problems) {
    int before = problems.size();
    String id = required(file, bytes, meta, "id", problems);
    String title = required(file, bytes, meta, "title", problems);
    String category = required(file, bytes, meta, "category", problems);
    if (id != null && !ID.matcher(id).matches()) {
      problems.add(new KnowledgeProblem(file, lineOfKey(bytes, "id"),
          "id '" + id + "' must be letters, digits, '.', '_' or '-'"));
    }
    if (category != null && !allowedCategories.isEmpty() && !allowedCategories.contains(category)) {
      problems.add(new KnowledgeProblem(file, lineOfKey(bytes, "category"),
          "unknown category '" + category + "' (known: " + String.join(", ", allowedCategories.stream().sorted().toList()) + ")"));
    }
    String source = scalar(meta.get("source"));
    if (source != null && !isWebUrl(source)) {
      problems.add(new KnowledgeProblem(file, lineOfKey(bytes, "source"), "source must be an http(s) URL: " + source));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    meta.fields().forEachRemaining(field -> {
      if (!KNOWN_KEYS.contains(field.getKey())) {
        attributes.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
            : String.join(", ", strings(field.getValue())));
      }
    });
    LocalDate reviewed = null;
    for (String key : DATE_KEYS) {
      String value = scalar(meta.get(key));
      if (value == null) {
        continue;
      }
      try {
        LocalDate date = LocalDate.parse(value);
        if (key.equals("reviewed")) {
          reviewed = date;
        }
      } catch (DateTimeParseException e) {
        problems.add(new KnowledgeProblem(file, lineOfKey(bytes, key), key + " must be a date YYYY-MM-DD: " + value));
      }
    }
    if (body.isBlank()) {
      problems.add(new KnowledgeProblem(file, 0, "no text after the front matter"));
    }
    if (problems.size() > before || id == null || title == null || category == null) {
      return Optional.empty();
    }
    return Optional.of(new KnowledgeDocument(id, title, category, strings(meta.get("economies")),
        strings(meta.get("topics")), strings(meta.get("aliases")), source, reviewed, attributes, body,
        relatedIds(body), file, HexFormat.of().formatHex(KnowledgeLoader.sha256().digest(bytes))));
  }

  private static @Nullable String required(
      Path file, byte[] bytes, JsonNode meta, String key, List<KnowledgeProblem> problems) {
    String value = scalar(meta.get(key));
    if (value == null || value.isBlank()) {
      problems.add(new KnowledgeProblem(file, value == null ? 1 : lineOfKey(bytes, key),
          "missing required field '" + key + "'"));
      return null;
    }
    return value.strip();
  }

  private static @Nullable String scalar(@Nullable JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
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

  private static boolean isWebUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The 1-based line of a top-level front-matter key in the file, or 1 when it is not found. */
  static int lineOfKey(byte[] bytes, String key) {
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
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
