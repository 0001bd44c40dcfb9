package org.greendesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The evaluation sets' files: JSON Lines, one item a line, read alike by every set. */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** Makes one item of a line; {@code file} and {@code line} say where it stands. */
  interface Row<T> {
    T of(JsonNode node, String file, int line);
  }

  /**
   * The items of the file, or of the folder's files that {@code wanted} keeps, in the files' name order; blank
   * lines are skipped.
   *
   * @throws IOException naming the file and line of a line that is not JSON
   */
  static <T> List<T> read(Path fileOrFolder, Predicate<Path> wanted, Row<T> row) throws IOException {
    List<Path> files;
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> listing = Files.list(fileOrFolder)) {
        files = listing.filter(wanted).sorted().toList();
      }
    } else {
      files = List.of(fileOrFolder);
    }
    List<T> items = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(lines.get(i));
        } catch (IOException e) {
          throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
        }
        items.add(row.of(node, file.getFileName().toString(), i + 1));
      }
    }
    return items;
  }

  /** The {@code *.jsonl} files of a folder. */
  static boolean jsonl(Path file) {
    return file.toString().endsWith(".jsonl");
  }

  /** The texts of a JSON array; empty when the node is missing. */
  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
