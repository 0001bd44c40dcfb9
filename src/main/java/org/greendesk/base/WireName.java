package org.greendesk.base;

import java.util.Locale;

/**
 * An enum as it is written outside Java (JSON, metric tags, front matter): its constant's name in lower case,
 * underscores kept ({@code ADVISOR_REQUEST} is {@code advisor_request}). Implemented by enums, whose
 * {@code name()} this reads.
 */
public interface WireName {
  String name();

  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
