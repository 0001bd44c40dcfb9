package org.greendesk.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One GreenDesk over the project's real knowledge base, shared by the integration tests of a run: loading the
 * embedding model and building the index once keeps the suite fast. The index lives in {@code target/}, so a
 * second local run reuses it.
 */
public final class TestDesk {
  public static final Path DATA = Path.of("target/test-data");
  private static GreenDesk desk;

  private TestDesk() {}

  public static Settings settings() {
    return Settings.from(Map.of("GREENDESK_DATA_DIR", DATA.toString()));
  }

  public static synchronized GreenDesk get() {
    if (desk == null) {
      try {
        desk = GreenDesk.open(settings());
      } catch (Exception e) {
        throw new IllegalStateException("cannot open GreenDesk on the project's knowledge", e);
      }
    }
    return desk;
  }
}
