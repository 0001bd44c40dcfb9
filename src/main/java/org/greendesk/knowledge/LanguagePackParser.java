package org.greendesk.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Reads and checks a language file: its {@code language} is its file's name, every id is a document's, names and
 * summaries are within their limits, glossary entries map to English terms. Stateless.
 */
final class LanguagePackParser {
  static final String FOLDER = "languages";
  private static final Pattern CODE = Pattern.compile("[a-z]{2}");
  private static final int MAX_NAMES = 12;
  private static final int MAX_NAME_CHARS = 80;
  private static final int MAX_SUMMARY_CHARS = 400;

  private LanguagePackParser() {}

  /** The pack, or empty with the problems added; documents the file lacks are added to {@code warnings}. */
  static Optional<LanguagePack> parse(Path file, byte[] bytes, Set<String> documentIds,
      List<KnowledgeProblem> problems, List<KnowledgeProblem> warnings) {
    String code = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    int before = problems.size();
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      problems.add(new KnowledgeProblem(file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
          "invalid YAML: " + e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      problems.add(new KnowledgeProblem(file, 1, "a language file is a YAML mapping"));
      return Optional.empty();
    }
    Lines lines = new Lines(file, bytes);
    if (!CODE.matcher(code).matches() || !code.equals(root.path("language").asText())) {
      problems.add(new KnowledgeProblem(file, lines.of("language"), "language must be the file's name, a two-letter "
          + "ISO 639-1 code: " + root.path("language").asText()));
    }
    Map<String, LanguagePack.Local> documents = documents(root.path("documents"), documentIds, lines, problems);
    Map<String, List<String>> glossary = glossary(root.path("glossary"), lines, problems);
    List<String> missing = documentIds.stream().filter(id -> !documents.containsKey(id)).sorted().toList();
    if (!missing.isEmpty() && problems.size() == before) {
      warnings.add(new KnowledgeProblem(file, 0, missing.size() + " document(s) without local names and summary: "
          + String.join(", ", missing)));
    }
    return problems.size() > before ? Optional.empty()
        : Optional.of(new LanguagePack(code, root.path("name").asText(code), documents, glossary));
  }

  private static Map<String, LanguagePack.Local> documents(JsonNode node, Set<String> ids, Lines lines,
      List<KnowledgeProblem> problems) {
    Map<String, LanguagePack.Local> documents = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      String id = e.getKey();
      // Looked up only for a problem: finding a key's line reads the file, once per document otherwise.
      IntSupplier line = () -> lines.of(id);
      if (!ids.contains(id)) {
        problems.add(new KnowledgeProblem(lines.file(), line.getAsInt(), "no document has the id " + id));
        return;
      }
      List<String> names = DocumentParser.strings(e.getValue().get("names"));
      String summary = e.getValue().path("summary").asText("").strip();
      if (names.isEmpty() || names.size() > MAX_NAMES) {
        problems.add(new KnowledgeProblem(lines.file(), line.getAsInt(), id + ": 1 to " + MAX_NAMES + " names, not "
            + names.size()));
      }
      names.stream().filter(n -> n.length() > MAX_NAME_CHARS).forEach(n -> problems.add(new KnowledgeProblem(
          lines.file(), line.getAsInt(), id + ": a name over " + MAX_NAME_CHARS + " characters: " + n)));
      if (summary.isEmpty() || summary.length() > MAX_SUMMARY_CHARS) {
        problems.add(new KnowledgeProblem(lines.file(), line.getAsInt(), id + ": a summary of 1 to "
            + MAX_SUMMARY_CHARS + " characters, not " + summary.length()));
      }
      documents.put(id, new LanguagePack.Local(names, summary));
    });
    return documents;
  }

  private static Map<String, List<String>> glossary(JsonNode node, Lines lines, List<KnowledgeProblem> problems) {
    Map<String, List<String>> glossary = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      List<String> english = DocumentParser.strings(e.getValue());
      if (e.getKey().isBlank() || english.isEmpty()) {
        problems.add(new KnowledgeProblem(lines.file(), lines.of(e.getKey()), "a glossary entry maps a word to "
            + "English terms: " + e.getKey()));
      } else {
        glossary.put(e.getKey().strip(), english);
      }
    });
    return glossary;
  }

  /** The file's lines, to say where a key is. */
  private record Lines(Path file, List<String> all) {
    Lines(Path file, byte[] bytes) {
      this(file, new String(bytes, StandardCharsets.UTF_8).lines().toList());
    }

    /** The 1-based line where the key is first written as a key, or 1. */
    int of(String key) {
      for (int i = 0; i < all.size(); i++) {
        String line = all.get(i).strip();
        if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":")) {
          return i + 1;
        }
      }
      return 1;
    }
  }
}
