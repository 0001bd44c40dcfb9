package org.greendesk.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What GreenDesk says in its own words, per language: greetings, replies, buttons, notices. English holds every
 * key; another language may lack some, which are said in English. Immutable and thread safe.
 */
public final class Messages {
  public static final String ENGLISH = "en";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final Map<String, Map<String, String>> byLanguage;

  private Messages(Map<String, Map<String, String>> byLanguage) {
    this.byLanguage = Map.copyOf(byLanguage);
  }

  /** A source of catalogue files: the YAML of a language's file, or {@code null} when there is none. */
  @FunctionalInterface
  public interface Source {
    String read(String language) throws IOException;
  }

  /**
   * Reads the catalogues of these languages; English must be there.
   *
   * @throws IOException naming the language and the problem: unreadable YAML, a key English lacks, a placeholder
   *     English does not have
   */
  public static Messages load(Set<String> languages, Source source) throws IOException {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    String english = source.read(ENGLISH);
    if (english == null) {
      throw new IOException("no English message catalogue (messages/en.yaml)");
    }
    all.put(ENGLISH, texts(ENGLISH, english));
    for (String language : new TreeSet<>(languages)) {
      String yaml = language.equals(ENGLISH) ? null : source.read(language);
      if (yaml != null) {
        Map<String, String> texts = texts(language, yaml);
        check(language, texts, all.get(ENGLISH));
        all.put(language, texts);
      }
    }
    return new Messages(all);
  }

  /** Only English, as given: for tests. */
  public static Messages english(Map<String, String> texts) {
    return new Messages(Map.of(ENGLISH, Map.copyOf(texts)));
  }

  private static Map<String, String> texts(String language, String yaml) throws IOException {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new IOException("invalid message catalogue for '" + language + "': " + e.getMessage(), e);
    }
    if (root == null || !root.path("texts").isObject()) {
      throw new IOException("the message catalogue for '" + language + "' has no 'texts'");
    }
    if (!language.equals(root.path("language").asText())) {
      throw new IOException("the message catalogue for '" + language + "' says it is for '"
          + root.path("language").asText() + "'");
    }
    Map<String, String> texts = new HashMap<>();
    root.path("texts").fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText().strip()));
    return texts;
  }

  private static void check(String language, Map<String, String> texts, Map<String, String> english)
      throws IOException {
    for (Map.Entry<String, String> e : texts.entrySet()) {
      if (!english.containsKey(e.getKey())) {
        throw new IOException("the message catalogue for '" + language + "' has a key English lacks: " + e.getKey());
      }
      Set<String> own = placeholders(e.getValue());
      if (!placeholders(english.get(e.getKey())).containsAll(own)) {
        throw new IOException("the message catalogue for '" + language + "' uses a placeholder English's '"
            + e.getKey() + "' lacks: " + own);
      }
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The text in the language, English when that language lacks it, its placeholders filled in once (a value that
   * holds a placeholder is not expanded again).
   *
   * @throws IllegalArgumentException for a key English lacks
   */
  public String text(String language, String key, Map<String, String> values) {
    String text = byLanguage.getOrDefault(language, Map.of()).get(key);
    if (text == null) {
      text = byLanguage.get(ENGLISH).get(key);
    }
    if (text == null) {
      throw new IllegalArgumentException("no message '" + key + "'");
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    return matcher.replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
  }

  public String text(String language, String key) {
    return text(language, key, Map.of());
  }

  /**
   * Every text whose key starts with the prefix, in the language, English where that language lacks one; by key,
   * in key order, placeholders left as they are (the reader fills them). For a channel that labels its own
   * interface from the catalogue, as the web chat's page does.
   */
  public Map<String, String> startingWith(String language, String prefix) {
    Map<String, String> texts = new TreeMap<>();
    byLanguage.get(ENGLISH).forEach((key, text) -> {
      if (key.startsWith(prefix)) {
        texts.put(key, byLanguage.getOrDefault(language, Map.of()).getOrDefault(key, text));
      }
    });
    return texts;
  }

  /** True when the language has a catalogue of its own. */
  public boolean speaks(String language) {
    return byLanguage.containsKey(language);
  }

  /** The languages with a catalogue, English first. */
  public Set<String> languages() {
    Set<String> codes = new TreeSet<>(byLanguage.keySet());
    return codes;
  }
}
