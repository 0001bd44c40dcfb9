package org.greendesk.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes knowledge files into a test's temporary folder. */
public final class KnowledgeFiles {
  private KnowledgeFiles() {}

  public static Path write(Path folder, String relative, String content) {
    try {
      Path file = folder.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid document with the given id, category and body. */
  public static String document(String id, String title, String category, String body) {
    return "---\nid: " + id + "\ntitle: " + title + "\ncategory: " + category
        + "\neconomies: [EU]\ntopics: [testing]\naliases: [" + id.toUpperCase() + "]\nsource: https://example.org/" + id
        + "\nreviewed: 2026-11-01\n---\n# " + title + "\n\n" + body + "\n";
  }
}
