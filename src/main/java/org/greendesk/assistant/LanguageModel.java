package org.greendesk.assistant;

/**
 * A chat language model, as the assistant needs one: a system message and a user message in, one text out. The
 * port stays this small so that a lambda can stand in for it in tests; adapters (package {@code llm}) translate
 * a vendor's client and its exceptions.
 */
@FunctionalInterface
public interface LanguageModel {

  /**
   * Asks the model once. Blocks until the whole answer is there; implementations may be called from many threads.
   *
   * @throws ModelException when the model fails, times out, refuses or is not called at all (busy, circuit
   *     open); never a vendor's exception
   */
  ModelReply complete(ModelRequest request);
}
