package org.greendesk.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A page the knowledge cites as the source of its facts, and where it is cited.
 *
 * @param where the field that cites it: {@code source}, {@code sources: HEADING}, or {@code event 'TITLE'} for a
 *     calendar event's {@code URL}
 */
public record SourceLink(String url, Path file, String where) {

  public SourceLink {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(where, "where");
  }
}
