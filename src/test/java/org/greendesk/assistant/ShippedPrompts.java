package org.greendesk.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  public static RoutingPolicy policy() {
    try {
      return RoutingPolicy.load(Path.of("prompts/routing.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
