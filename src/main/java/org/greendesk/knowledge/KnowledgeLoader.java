package org.greendesk.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads a knowledge folder: every {@code *.md} file below it except READMEs and the unchecked drafts in its
 * {@value KnowledgeDrafts#FOLDER} folder, the events of every {@code *.ics} calendar, and the optional
 * {@code knowledge.yaml} that declares the allowed categories and the words naming each economy.
 *
 * <p>All or nothing: {@link #load} either returns a base in which every document is valid, or throws with every
 * problem found (file, line, what is wrong).
 */
public final class KnowledgeLoader {
  public static final String SETTINGS_FILE = "knowledge.yaml";
  private static final YAMLMapper YAML = new YAMLMapper();

  public KnowledgeBase load(Path folder) throws KnowledgeFormatException {
    if (!Files.isDirectory(folder)) {
      throw new KnowledgeFormatException(List.of(new KnowledgeProblem(folder, 0, "knowledge folder not found")));
    }
    List<KnowledgeProblem> problems = new ArrayList<>();
    FolderSettings settings = readSettings(folder.resolve(SETTINGS_FILE), problems);
    MessageDigest folderHash = sha256();
    folderHash.update(settings.rawBytes());
    DocumentParser parser = new DocumentParser(settings.categories(), settings.economies().names());
    Map<String, KnowledgeDocument> byId = new LinkedHashMap<>();
    List<KnowledgeProblem> warnings = new ArrayList<>();
    Map<String, String> questions = new HashMap<>();
    for (Path file : files(folder, ".md")) {
      byte[] bytes = read(file);
      folderHash.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      folderHash.update(bytes);
      parser.parse(file, bytes, problems, warnings).ifPresent(parsed -> {
        KnowledgeDocument doc = parsed.document();
        KnowledgeDocument earlier = byId.putIfAbsent(doc.id(), doc);
        if (earlier != null) {
          problems.add(new KnowledgeProblem(file, DocumentParser.lineOfKey(bytes, "id"),
              "duplicate id '" + doc.id() + "', already used by " + earlier.file()));
        }
        checkQuestionsOnce(file, parsed.pairs(), questions, problems);
      });
    }
    List<CalendarEvent> events = new ArrayList<>();
    Map<String, CalendarEvent> byUid = new HashMap<>();
    for (Path file : files(folder, ".ics")) {
      folderHash.update(read(file));
      for (CalendarEvent event : readCalendar(file, problems)) {
        if (event.documentId() != null && !byId.containsKey(event.documentId())) {
          problems.add(new KnowledgeProblem(file, 0, "event '" + event.title() + "' names unknown document "
              + event.documentId()));
        }
        CalendarEvent earlier = byUid.putIfAbsent(event.uid(), event);
        if (earlier != null) {
          problems.add(new KnowledgeProblem(file, 0, "event '" + event.title() + "' has the UID " + event.uid()
              + " of '" + earlier.title() + "' in " + earlier.file().getFileName() + ": a UID is never reused"));
        }
        events.add(event);
      }
    }
    Map<String, LanguagePack> languages = new TreeMap<>();
    for (Path file : languageFiles(folder)) {
      byte[] bytes = read(file);
      // The language files are not indexed with the passages, so the index's hash leaves them out.
      LanguagePackParser.parse(file, bytes, byId.keySet(), problems, warnings)
          .ifPresent(pack -> languages.put(pack.code(), pack));
    }
    if (!problems.isEmpty()) {
      throw new KnowledgeFormatException(problems);
    }
    return new KnowledgeBase(List.copyOf(byId.values()), settings.economies(), new EventCalendar(events),
        HexFormat.of().formatHex(folderHash.digest()), warnings, languages);
  }

  /** A question asked in two pairs would have two answers; the first one seen wins the report. */
  private static void checkQuestionsOnce(Path file, List<QuestionsSection.Numbered> pairs, Map<String, String> seen,
      List<KnowledgeProblem> problems) {
    for (QuestionsSection.Numbered numbered : pairs) {
      List<String> questions = numbered.pair().questions();
      for (int i = 0; i < questions.size(); i++) {
        int line = numbered.questionLines().get(i);
        String earlier = seen.putIfAbsent(QuestionsSection.key(questions.get(i)), file.getFileName() + ":" + line);
        if (earlier != null) {
          problems.add(new KnowledgeProblem(file, line, "question asked twice (also at " + earlier + "): "
              + questions.get(i)));
        }
      }
    }
  }

  private record FolderSettings(Set<String> categories, EconomyLexicon economies, byte[] rawBytes) {}

  private static FolderSettings readSettings(Path file, List<KnowledgeProblem> problems) {
    if (!Files.exists(file)) {
      return new FolderSettings(Set.of(), EconomyLexicon.empty(), new byte[0]);
    }
    byte[] bytes = read(file);
    try {
      JsonNode root = YAML.readTree(bytes);
      Set<String> categories = Set.copyOf(DocumentParser.strings(root == null ? null : root.get("categories")));
      Map<String, List<String>> economies = mapping(root, "economies");
      Map<String, List<String>> groups = mapping(root, "groups");
      groups.forEach((group, members) -> members.stream().filter(m -> !economies.containsKey(m)).forEach(m ->
          problems.add(new KnowledgeProblem(file, 0, "group " + group + " names an economy not in economies: " + m))));
      return new FolderSettings(categories, new EconomyLexicon(economies, groups), bytes);
    } catch (JsonProcessingException e) {
      problems.add(new KnowledgeProblem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "invalid YAML: " + e.getOriginalMessage()));
      return new FolderSettings(Set.of(), EconomyLexicon.empty(), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mapping of names to lists of words in {@code knowledge.yaml}, empty when absent. */
  private static Map<String, List<String>> mapping(@Nullable JsonNode root, String key) {
    Map<String, List<String>> mapping = new LinkedHashMap<>();
    JsonNode node = root == null ? null : root.get(key);
    if (node != null) {
      node.fields().forEachRemaining(e -> mapping.put(e.getKey(), DocumentParser.strings(e.getValue())));
    }
    return mapping;
  }

  private static List<CalendarEvent> readCalendar(Path file, List<KnowledgeProblem> problems) {
    try {
      return new CalendarLoader().load(file, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The language files, {@code languages/*.yaml}, in name order. */
  private static List<Path> languageFiles(Path folder) {
    Path languages = folder.resolve(LanguagePackParser.FOLDER);
    if (!Files.isDirectory(languages)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(languages)) {
      return files.filter(p -> p.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files with the ending below the folder, READMEs, hidden files and drafts left out, in path order. */
  private static List<Path> files(Path folder, String ending) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ending))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .filter(p -> !isHidden(folder.relativize(p)))
          .filter(p -> !folder.relativize(p).getName(0).toString().equals(KnowledgeDrafts.FOLDER))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
