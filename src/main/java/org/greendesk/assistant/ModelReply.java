package org.greendesk.assistant;

import java.util.Objects;

/**
 * What a language model answered.
 *
 * @param inputTokens tokens of the prompt as the server counted them; 0 when it did not say
 * @param outputTokens tokens of the answer as the server counted them; 0 when it did not say
 */
public record ModelReply(String text, int inputTokens, int outputTokens) {

  public ModelReply {
    Objects.requireNonNull(text, "text");
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative: " + inputTokens + ", " + outputTokens);
    }
  }

  public static ModelReply of(String text) {
    return new ModelReply(text, 0, 0);
  }
}
