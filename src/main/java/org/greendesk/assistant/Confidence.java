package org.greendesk.assistant;

import org.greendesk.search.DocumentHit;

/**
 * How sure the assistant is that its best document answers the question, from two signals that mean the same
 * whatever the knowledge folder: how close the question is to the best passage in meaning (cosine similarity of
 * their embeddings), and how many of the question's words the document contains. A logistic curve over both,
 * its coefficients fitted on the project's evaluation set (answerable questions against off-topic ones); the
 * README reports how well it separates them.
 */
public final class Confidence {
  private final double bias;
  private final double similarityWeight;
  private final double coverageWeight;

  public Confidence(double bias, double similarityWeight, double coverageWeight) {
    this.bias = bias;
    this.similarityWeight = similarityWeight;
    this.coverageWeight = coverageWeight;
  }

  public static Confidence defaults() {
    return new Confidence(-9.85, 10.5, 5.85);
  }

  /** In 0..1. */
  public double of(DocumentHit best) {
    double z = bias + similarityWeight * best.similarity() + coverageWeight * best.coverage();
    return 1 / (1 + Math.exp(-z));
  }
}
