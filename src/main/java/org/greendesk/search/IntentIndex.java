package org.greendesk.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells what a message wants from labelled examples ({@code prompts/intents/<language>.yaml}): one
 * logistic-regression classifier over the character n-grams of every language's examples, which reads any script
 * and typos (the scripts keep the languages apart, and Malay and Indonesian, close in words, learn from each
 * other), and for English the vote of the nearest examples in meaning too (the sentence model reads English only).
 * Thread safe.
 */
public final class IntentIndex {
  /** The label of messages that want an answer, nothing else. */
  public static final String QUESTION = "question";
  private static final String ENGLISH = "en";
  private static final int NEIGHBOURS = 7;

  private final CharacterClassifier words;
  private final List<String> englishLabels = new ArrayList<>();
  private final List<float[]> englishVectors;
  private final @Nullable Embedder embedder;
  private final Settings settings;

  /**
   * How sure a guess must be.
   *
   * @param probability the winning label's probability must be at least this
   * @param meaningWeight the share English's nearest examples in meaning have in its probabilities
   */
  public record Settings(double probability, double meaningWeight) {
    public static Settings defaults() {
      return new Settings(0.4, 0.5);
    }
  }

  /**
   * @param examples by language, then by label, the example messages
   * @param embedder the model whose vectors tell closeness in meaning, for English; {@code null} to go by the
   *     characters alone
   */
  public IntentIndex(Map<String, Map<String, List<String>>> examples, @Nullable Embedder embedder,
      Settings settings) {
    this(examples, embedder, settings, null);
  }

  /** @param kept a file to keep the classifier in between starts; {@code null} to train it each time */
  public IntentIndex(Map<String, Map<String, List<String>>> examples, @Nullable Embedder embedder,
      Settings settings, @Nullable Path kept) {
    this.embedder = embedder;
    this.settings = settings;
    this.words = CharacterClassifier.trained(merged(examples), kept);
    List<String> texts = new ArrayList<>();
    examples.getOrDefault(ENGLISH, Map.of()).forEach((label, own) -> own.forEach(text -> {
      englishLabels.add(label);
      texts.add(text);
    }));
    this.englishVectors = embedder == null ? List.of() : embedder.embedPassages(texts);
  }

  private static Map<String, List<String>> merged(Map<String, Map<String, List<String>>> examples) {
    Map<String, List<String>> byLabel = new LinkedHashMap<>();
    examples.values().forEach(own -> own.forEach((label, texts) ->
        byLabel.computeIfAbsent(label, l -> new ArrayList<>()).addAll(texts)));
    return byLabel;
  }

  /**
   * What the message wants, when its label is likely enough; empty when it is not.
   *
   * @param probability how likely the label is, 0 to 1
   */
  public record Guess(String label, double probability) {}

  /** @param language the message's language */
  public Optional<Guess> classify(String message, String language) {
    Map<String, Double> probabilities = new HashMap<>(words.probabilities(message));
    if (embedder != null && language.equals(ENGLISH) && !englishVectors.isEmpty()) {
      Map<String, Double> nearest = nearestInMeaning(embedder, message);
      probabilities.replaceAll((label, p) -> (1 - settings.meaningWeight()) * p
          + settings.meaningWeight() * nearest.getOrDefault(label, 0.0));
    }
    return probabilities.entrySet().stream().max(Map.Entry.comparingByValue())
        .filter(best -> best.getValue() >= settings.probability())
        .map(best -> new Guess(best.getKey(), best.getValue()));
  }

  /** The labels of the nearest English examples in meaning, weighted by their closeness, summing to 1. */
  private Map<String, Double> nearestInMeaning(Embedder embedder, String message) {
    float[] vector = embedder.embedQuery(message);
    List<double[]> nearest = new ArrayList<>();
    for (int i = 0; i < englishVectors.size(); i++) {
      nearest.add(new double[] {dot(vector, englishVectors.get(i)), i});
    }
    nearest.sort((a, b) -> Double.compare(b[0], a[0]));
    Map<String, Double> votes = new HashMap<>();
    nearest.stream().limit(NEIGHBOURS)
        .forEach(n -> votes.merge(englishLabels.get((int) n[1]), Math.max(0, n[0]), Double::sum));
    double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
    votes.replaceAll((label, v) -> total == 0 ? 0 : v / total);
    return votes;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
