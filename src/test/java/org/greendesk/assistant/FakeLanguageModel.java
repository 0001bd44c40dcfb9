package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A language model for tests: answers with what its script says for each request (a canned text, a wrong
 * citation, an exception) or, when slow, holds the call until it is interrupted or released. Records every
 * request. Thread safe.
 */
public final class FakeLanguageModel implements LanguageModel {
  private final Function<ModelRequest, ModelReply> script;
  private final List<ModelRequest> requests = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final boolean slow;

  private FakeLanguageModel(Function<ModelRequest, ModelReply> script, boolean slow) {
    this.script = script;
    this.slow = slow;
  }

  /** Answers every request with this text, counting 100 tokens in and 20 out. */
  public static FakeLanguageModel answering(String text) {
    return new FakeLanguageModel(request -> new ModelReply(text, 100, 20), false);
  }

  /** Answers each request as the function says. */
  public static FakeLanguageModel scripted(Function<ModelRequest, String> answer) {
    return new FakeLanguageModel(request -> new ModelReply(answer.apply(request), 100, 20), false);
  }

  /** Fails every request with the exception. */
  public static FakeLanguageModel failing(RuntimeException failure) {
    return new FakeLanguageModel(request -> {
      throw failure;
    }, false);
  }

  /** Holds every call until it is interrupted (the caller gave up) or {@link #release()}d, then answers. */
  public static FakeLanguageModel slow(String text) {
    return new FakeLanguageModel(request -> ModelReply.of(text), true);
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    synchronized (this) {
      requests.add(request);
    }
    if (slow) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelException(ModelException.Kind.TIMEOUT, "interrupted");
      }
    }
    return script.apply(request);
  }

  /** Lets the calls held by a slow model go on. */
  public void release() {
    release.countDown();
  }

  public synchronized List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  /** The user message of the last request of the task. */
  public synchronized String lastUserMessage(ModelTask task) {
    return requests.stream().filter(r -> r.task() == task).reduce((a, b) -> b).orElseThrow().user();
  }
}
