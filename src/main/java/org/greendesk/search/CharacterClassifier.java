package org.greendesk.search;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.greendesk.base.AtomicFile;
import org.greendesk.base.Hashes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logistic-regression classifier over a text's character n-grams (one to four characters, words padded with
 * spaces, hashed into a fixed number of features): it needs no word segmentation, so it reads Korean with its
 * particles, Chinese, Thai and typos alike, and unlike naive Bayes it weighs n-grams that always come together
 * once, which keeps it from being sure of a fine when a question only mentions one. Trained when made, on a fixed
 * seed, so the same examples always give the same model, or read back from a file. Immutable once trained; thread
 * safe.
 */
final class CharacterClassifier {
  private static final int MAX_N = 4;
  private static final int FEATURES = 1 << 18;
  private static final int EPOCHS = 30;
  private static final double RATE = 3.0;
  private static final double L2 = 1e-5;
  /** Changes whenever how it is trained changes, so that a classifier kept from before is trained again. */
  private static final String FORMAT = "character-classifier 1: " + MAX_N + " " + FEATURES + " " + EPOCHS + " "
      + RATE + " " + L2;
  private static final Logger LOG = LoggerFactory.getLogger(CharacterClassifier.class);

  private final List<String> labels;
  /** Feature by feature, each label's weight side by side: {@code weights[feature * labels + label]}. */
  private final float[] weights;
  private final float[] bias;

  /** @param examples by label, the texts that teach it */
  CharacterClassifier(Map<String, List<String>> examples) {
    this.labels = List.copyOf(examples.keySet());
    this.weights = new float[labels.size() * FEATURES];
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

  /** A classifier trained before, from its labels, weights and biases as {@link #write} wrote them. */
  private CharacterClassifier(List<String> labels, float[] weights, float[] bias) {
    this.labels = List.copyOf(labels);
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Trained on the examples, or read back from the file when it holds a classifier trained on the same examples
   * the same way (a hash of both is in it), and written there when not: training takes about a second at start.
   * A file that cannot be read or written costs only the training.
   */
  static CharacterClassifier trained(Map<String, List<String>> examples, @Nullable Path file) {
    if (file == null) {
      return new CharacterClassifier(examples);
    }
    StringBuilder text = new StringBuilder(FORMAT);
    examples.forEach((label, texts) -> texts.forEach(t -> text.append('\0').append(label).append('\0').append(t)));
    String key = Hashes.sha256(text.toString());
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readUTF().equals(key)) {
        return read(in);
      }
    } catch (NoSuchFileException e) {
      // trained below
    } catch (IOException e) {
      LOG.warn("the intents' classifier in {} could not be read, training again: {}", file, e.toString());
    }
    CharacterClassifier classifier = new CharacterClassifier(examples);
    try {
      AtomicFile.write(file, out -> {
        out.writeUTF(key);
        classifier.write(out);
      });
    } catch (IOException e) {
      LOG.warn("the intents' classifier could not be kept in {}: {}", file, e.toString());
    }
    return classifier;
  }

  /** The labels, the biases, then the weights that are not zero, each with its place. */
  private void write(DataOutputStream out) throws IOException {
    out.writeInt(labels.size());
    for (int l = 0; l < labels.size(); l++) {
      out.writeUTF(labels.get(l));
      out.writeFloat(bias[l]);
    }
    int set = 0;
    for (float w : weights) {
      set += w == 0 ? 0 : 1;
    }
    out.writeInt(set);
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] != 0) {
        out.writeInt(i);
        out.writeFloat(weights[i]);
      }
    }
  }

  private static CharacterClassifier read(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<String> labels = new ArrayList<>();
    float[] bias = new float[count];
    for (int l = 0; l < count; l++) {
      labels.add(in.readUTF());
      bias[l] = in.readFloat();
    }
    float[] weights = new float[count * FEATURES];
    for (int set = in.readInt(); set > 0; set--) {
      int at = in.readInt();
      if (at < 0 || at >= weights.length) {
        throw new IOException("a weight out of place: " + at);
      }
      weights[at] = in.readFloat();
    }
    return new CharacterClassifier(labels, weights, bias);
  }

  private void train(List<int[]> features, List<Integer> targets) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      order.add(i);
    }
    int count = labels.size();
    Random random = new Random(42);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(order, random);
      double rate = RATE / (1 + epoch * 0.2);
      for (int i : order) {
        int[] x = features.get(i);
        double[] p = softmax(x);
        double[] step = new double[count];
        for (int l = 0; l < count; l++) {
          double gradient = p[l] - (targets.get(i) == l ? 1 : 0);
          bias[l] -= (float) (rate * gradient);
          step[l] = rate * gradient / Math.sqrt(x.length);
        }
        for (int f : x) {
          int from = f * count;
          for (int l = 0; l < count; l++) {
            weights[from + l] -= (float) (step[l] + rate * L2 * weights[from + l]);
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
    int count = labels.size();
    double[] sums = new double[count];
    for (int f : x) {
      int from = f * count;
      for (int l = 0; l < count; l++) {
        sums[l] += weights[from + l];
      }
    }
    double[] z = new double[count];
    double max = Double.NEGATIVE_INFINITY;
    double norm = Math.sqrt(Math.max(1, x.length));
    for (int l = 0; l < count; l++) {
      z[l] = bias[l] + sums[l] / norm;
      max = Math.max(max, z[l]);
    }
    double total = 0;
    for (int l = 0; l < count; l++) {
      z[l] = Math.exp(z[l] - max);
      total += z[l];
    }
    for (int l = 0; l < count; l++) {
      z[l] /= total;
    }
    return z;
  }

  /**
   * The text's character n-grams, lower case, each word padded by a space on both sides, hashed: each gram's hash
   * is its string's, worked out from the code points without making the string.
   */
  private static int[] features(String text) {
    String normal = " " + Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
        .replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip() + " ";
    int[] points = normal.codePoints().toArray();
    int[] hashed = new int[MAX_N * points.length];
    int size = 0;
    for (int i = 0; i < points.length; i++) {
      int hash = 0;
      boolean blank = true;
      for (int n = 1; n <= MAX_N && i + n <= points.length; n++) {
        int point = points[i + n - 1];
        for (char c : Character.toChars(point)) {
          hash = 31 * hash + c;
        }
        blank &= Character.isWhitespace(point);
        if (!blank) {
          hashed[size++] = Math.floorMod(hash * 31 + n, FEATURES);
        }
      }
    }
    return Arrays.copyOf(hashed, size);
  }
}
