package org.greendesk.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file line of each value of a document's front matter, by JSON pointer ("/applies_to/thresholds/0/at_least"),
 * so that a problem in a nested field is reported where it is written. Built once per document that needs it.
 */
final class YamlLines {
  private static final YAMLFactory YAML = new YAMLFactory();
  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** The lines of the front matter of a Markdown file: the YAML between its first two "---" lines. */
  static YamlLines of(byte[] file) {
    List<String> text = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    int close = 1;
    while (close < text.size() && !text.get(close).strip().equals("---")) {
      close++;
    }
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(String.join("\n", text.subList(Math.min(1, text.size()), close)))) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME || token.isScalarValue()) {
          // The YAML starts on the file's second line.
          lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
              parser.getTokenLocation().getLineNr() + 1);
        }
      }
    } catch (IOException e) {
      // The loader has already reported invalid YAML; without positions, problems fall back to the first line.
    }
    return new YamlLines(lines);
  }

  /** The line of the value at {@code pointer}, else of the first value inside it, else of its parent's; 1 if none. */
  int line(String pointer) {
    for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
      Integer exact = lines.get(p);
      if (exact != null) {
        return exact;
      }
      String prefix = p + "/";
      int first = lines.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue)
          .min().orElse(0);
      if (first > 0) {
        return first;
      }
    }
    return 1;
  }
}
