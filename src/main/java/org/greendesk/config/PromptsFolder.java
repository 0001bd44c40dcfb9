package org.greendesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.greendesk.assistant.Intents;
import org.greendesk.assistant.LearnedIntents;
import org.greendesk.assistant.Prompts;
import org.greendesk.assistant.RoutingPolicy;
import org.greendesk.messages.Messages;
import org.greendesk.search.Embedder;
import org.greendesk.search.IntentExamples;
import org.jspecify.annotations.Nullable;

/**
 * The prompts folder ({@code GREENDESK_PROMPTS_DIR}), which the centre edits: the routing policy, the message
 * catalogues, the labelled intent examples and the language model's prompts. A file the folder lacks is read from
 * the jar's copy, so GreenDesk runs from any folder.
 */
final class PromptsFolder {
  private static final Set<String> SHIPPED_LANGUAGES = Set.of("en", "ko", "ja", "zh", "vi", "id", "ms", "th");

  private final Settings settings;

  PromptsFolder(Settings settings) {
    this.settings = settings;
  }

  /** The message catalogues of {@code messages/}. */
  Messages messages() throws IOException {
    return Messages.load(languages("messages"), language -> file("messages/" + language + ".yaml"));
  }

  /**
   * What messages want, learnt from the labelled examples of {@code intents/}; the sentence model reads the English
   * ones' meaning.
   *
   * @param kept a file to keep what was learnt in between starts
   */
  Intents intents(Embedder sentences, Path kept) throws IOException {
    Map<String, Map<String, List<String>>> examples = new TreeMap<>();
    for (String language : languages("intents")) {
      String yaml = file("intents/" + language + ".yaml");
      if (yaml != null) {
        try {
          examples.put(language, IntentExamples.parse(yaml));
        } catch (IOException e) {
          throw new IOException("invalid intents/" + language + ".yaml in " + settings.promptsDir() + ": "
              + e.getMessage(), e);
        }
      }
    }
    return new LearnedIntents(examples, sentences, kept);
  }

  /** The language model's prompts. */
  Prompts prompts() throws IOException {
    try {
      return Prompts.load(name -> {
        String text = file(name);
        if (text == null) {
          throw new IOException("no prompt " + name + " in " + settings.promptsDir() + " and none packaged");
        }
        return text;
      });
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid prompt in " + settings.promptsDir() + ": " + e.getMessage(), e);
    }
  }

  /** The routing policy, {@code routing.yaml}. */
  RoutingPolicy policy() throws IOException {
    Path file = settings.promptsDir().resolve("routing.yaml");
    if (Files.isRegularFile(file)) {
      return RoutingPolicy.load(file);
    }
    // Run from outside the project folder: use the copy packaged in the jar.
    Path copy = settings.dataDir().resolve("routing.default.yaml");
    String packaged = file("routing.yaml");
    if (packaged == null) {
      throw new IOException("no routing policy at " + file + " and none packaged");
    }
    Files.createDirectories(settings.dataDir());
    Files.writeString(copy, packaged);
    return RoutingPolicy.load(copy);
  }

  /** The languages of a folder of the prompts: those shipped, and any the folder adds. */
  private Set<String> languages(String folderName) throws IOException {
    Set<String> languages = new TreeSet<>(SHIPPED_LANGUAGES);
    Path folder = settings.promptsDir().resolve(folderName);
    if (Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
            .forEach(n -> languages.add(n.substring(0, n.length() - ".yaml".length())));
      }
    }
    return languages;
  }

  /** A file of the folder, or the jar's copy, or {@code null} when neither has it. */
  private @Nullable String file(String name) throws IOException {
    Path file = settings.promptsDir().resolve(name);
    if (Files.isRegularFile(file)) {
      return Files.readString(file);
    }
    try (InputStream in = PromptsFolder.class.getResourceAsStream("/prompts/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
