package org.greendesk.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The words and thresholds that decide how a message is handled, read from a YAML file the centre edits
 * ({@code prompts/routing.yaml}), so that none of them is scattered in code. What GreenDesk replies is in the
 * message catalogue ({@code prompts/messages/}). Immutable and thread safe.
 *
 * @param answered confidence at or above which an answer stands on its own
 * @param weak confidence at or above which an answer is given with an offer of an advisor; below it, nothing
 *     relevant was found
 * @param maxQuestionChars longer messages are not searched; the user is asked to shorten them
 */
public record RoutingPolicy(double answered, double weak, int maxQuestionChars, Map<String, List<String>> phrases) {

  static final List<String> PHRASE_LISTS = List.of(
      "greeting", "thanks", "filler", "instruction_override", "follow_up", "asks_like_of",
      "events_upcoming", "events_generic", "accept_offer", "legal_certainty", "hedges", "asks_date", "asks_amount",
      "asks_threshold", "asks_applies", "amount_fine", "amount_fee", "amount_moving", "asks_now", "asks_contact",
      "asks_steps", "asks_documents", "asks_definition", "asks_history", "asks_list", "asks_comparison",
      "small_firm");

  public RoutingPolicy {
    if (!(0 <= weak && weak <= answered && answered <= 1)) {
      throw new IllegalArgumentException("thresholds must satisfy 0 <= weak <= answered <= 1: " + weak + ", " + answered);
    }
    if (maxQuestionChars < 10) {
      throw new IllegalArgumentException("max_question_chars must be at least 10: " + maxQuestionChars);
    }
    phrases = Map.copyOf(phrases);
  }

  /** Reads the policy file; the message of the exception names the file and the problem. */
  public static RoutingPolicy load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException("cannot read routing policy " + file + ": " + e.getMessage(), e);
    }
    try {
      Map<String, List<String>> phrases = new TreeMap<>();
      for (String list : PHRASE_LISTS) {
        List<String> values = new ArrayList<>();
        Optional.ofNullable(root.path("phrases").get(list)).ifPresent(n -> n.forEach(v -> values.add(v.asText())));
        phrases.put(list, values);
      }
      return new RoutingPolicy(root.path("confidence").path("answered").asDouble(0.5),
          root.path("confidence").path("weak").asDouble(0.3),
          root.path("limits").path("max_question_chars").asInt(2000), phrases);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid routing policy " + file + ": " + e.getMessage(), e);
    }
  }

  Phrases phrases(String list) {
    return new Phrases(phrases.getOrDefault(list, List.of()));
  }

}
