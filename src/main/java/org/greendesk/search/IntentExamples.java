package org.greendesk.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a file of labelled example messages, {@code prompts/intents/<language>.yaml}. */
public final class IntentExamples {
  private IntentExamples() {}

  /**
   * The examples of one file, by label in the file's order.
   *
   * @throws IOException when the YAML is malformed or an example is not a string
   */
  public static Map<String, List<String>> parse(String yaml) throws IOException {
    JsonNode examples = new YAMLMapper().readTree(yaml).path("examples");
    if (!examples.isObject()) {
      throw new IOException("an intents file needs an 'examples' map of label to messages");
    }
    Map<String, List<String>> byLabel = new LinkedHashMap<>();
    for (var label : (Iterable<Map.Entry<String, JsonNode>>) examples::fields) {
      List<String> texts = new ArrayList<>();
      for (JsonNode text : label.getValue()) {
        if (!text.isTextual() || text.asText().isBlank()) {
          throw new IOException("intent '" + label.getKey() + "' has an example that is not a message: " + text);
        }
        texts.add(text.asText());
      }
      byLabel.put(label.getKey(), texts);
    }
    return byLabel;
  }
}
