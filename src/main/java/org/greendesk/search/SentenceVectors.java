package org.greendesk.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Packs a passage's sentence vectors into one stored field, and back: a count, the dimension, then the floats. */
final class SentenceVectors {
  private SentenceVectors() {}

  static byte[] pack(List<float[]> vectors) {
    int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
    ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * dimension * vectors.size()).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(vectors.size()).putInt(dimension);
    for (float[] vector : vectors) {
      for (float value : vector) {
        buffer.putFloat(value);
      }
    }
    return buffer.array();
  }

  static List<float[]> unpack(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = buffer.getInt();
    int dimension = buffer.getInt();
    List<float[]> vectors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] vector = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        vector[d] = buffer.getFloat();
      }
      vectors.add(vector);
    }
    return vectors;
  }
}
