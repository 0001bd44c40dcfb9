package org.greendesk.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A logistic-regression classifier over a text's character n-grams (one to four characters, words padded with
 * spaces, hashed into a fixed number of features): it needs no word segmentation, so it reads Korean with its
 * particles, Chinese, Thai and typos alike, and unlike naive Bayes it weighs n-grams that always come together
 * once, which keeps it from being sure of a fine when a question only mentions one. Trained when made, on a fixed
 * seed, so the same examples always give the same model. Immutable once trained; thread safe.
 */
final class CharacterClassifier {
  private static final int MAX_N = 4;
  private static final int FEATURES = 1 << 18;
  private static final int EPOCHS = 30;
  private static final double RATE = 3.0;
  private static final double L2 = 1e-5;

  private final List<String> labels;
  private final float[][] weights;
  private final float[] bias;

  /** @param examples by label, the texts that teach it */
  CharacterClassifier(Map<String, List<String>> examples) {
    this.labels = List.copyOf(examples.keySet());
    this.weights = new float[labels.size()][FEATURES];
    this.bias = new float[labels.size()];
    List<int[]> features = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    for (int l = 0; l < labels.size(); l++) {
      for (String text : examples.get(labels.get(l))) {
        features.add(features(text));
        targets.add(l);
      }
    }
    train(features, targets);
  }

  private void train(List<int[]> features, List<Integer> targets) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      order.add(i);
    }
    Random random = new Random(42);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(order, random);
      double rate = RATE / (1 + epoch * 0.2);
      for (int i : order) {
        int[] x = features.get(i);
        double[] p = softmax(x);
        for (int l = 0; l < labels.size(); l++) {
          double gradient = p[l] - (targets.get(i) == l ? 1 : 0);
          bias[l] -= (float) (rate * gradient);
          float[] w = weights[l];
          double scale = rate * gradient / Math.sqrt(x.length);
          for (int f : x) {
            w[f] -= (float) (scale + rate * L2 * w[f]);
          }
        }
      }
    }
  }

  /** Each label's probability for the text, summing to 1. */
  Map<String, Double> probabilities(String text) {
    double[] p = softmax(features(text));
    Map<String, Double> byLabel = new HashMap<>();
    for (int l = 0; l < labels.size(); l++) {
      byLabel.put(labels.get(l), p[l]);
    }
    return byLabel;
  }

  private double[] softmax(int[] x) {
    double[] z = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    double norm = Math.sqrt(Math.max(1, x.length));
    for (int l = 0; l < z.length; l++) {
      double sum = bias[l];
      for (int f : x) {
        sum += weights[l][f];
      }
      z[l] = bias[l] + (sum - bias[l]) / norm;
      max = Math.max(max, z[l]);
    }
    double total = 0;
    for (int l = 0; l < z.length; l++) {
      z[l] = Math.exp(z[l] - max);
      total += z[l];
    }
    for (int l = 0; l < z.length; l++) {
      z[l] /= total;
    }
    return z;
  }

  /** The text's character n-grams, lower case, each word padded by a space on both sides, hashed. */
  private static int[] features(String text) {
    String normal = " " + Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
        .replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip() + " ";
    int[] points = normal.codePoints().toArray();
    List<Integer> hashed = new ArrayList<>();
    for (int n = 1; n <= MAX_N; n++) {
      for (int i = 0; i + n <= points.length; i++) {
        String gram = new String(points, i, n);
        if (!gram.isBlank()) {
          hashed.add(Math.floorMod(gram.hashCode() * 31 + n, FEATURES));
        }
      }
    }
    return hashed.stream().mapToInt(Integer::intValue).toArray();
  }
}
