package org.greendesk.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.greendesk.messages.Messages;
import org.greendesk.search.IntentExamples;

/** The prompts and routing policy in the project's {@code prompts/} folder, as the tests use them. */
public final class ShippedPrompts {
  private ShippedPrompts() {}

  public static Prompts prompts() {
    try {
      return Prompts.load(name -> Files.readString(Path.of("prompts", name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message catalogues of {@code prompts/messages/}. */
  public static Messages messages() {
    try {
      Set<String> languages = new TreeSet<>();
      try (var files = Files.list(Path.of("prompts/messages"))) {
        files.forEach(f -> languages.add(f.getFileName().toString().replace(".yaml", "")));
      }
      return Messages.load(languages, code -> {
        Path file = Path.of("prompts/messages", code + ".yaml");
        return Files.isRegularFile(file) ? Files.readString(file) : null;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an assistant is made of besides its knowledge, as shipped, offline, with the given detector. */
  public static Assistant.Setup setup(LanguageDetector languages) {
    return new Assistant.Setup(policy(), messages(), languages, intents(), Clock.systemUTC(), null);
  }

  /** The intents learnt from {@code prompts/intents/}, by their characters alone (no sentence model). */
  public static Intents intents() {
    try (var files = Files.list(Path.of("prompts/intents"))) {
      Map<String, Map<String, List<String>>> examples = new TreeMap<>();
      for (Path file : files.toList()) {
        examples.put(file.getFileName().toString().replace(".yaml", ""), IntentExamples.parse(Files.readString(file)));
      }
      return new LearnedIntents(examples, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RoutingPolicy policy() {
    try {
      return RoutingPolicy.load(Path.of("prompts/routing.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
