package org.greendesk.search;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.greendesk.base.AtomicFile;
import org.greendesk.base.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedder whose passage vectors are kept in a file: the texts embedded at one start are read back at the next,
 * as long as the texts and the model are the same (the file holds a hash of both). For a fixed set embedded at
 * every start, such as the intents' examples. A file that cannot be read or written costs only the time to embed.
 * Thread safe.
 */
public final class StoredVectors implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(StoredVectors.class);

  private final Path file;
  private final Embedder embedder;

  public StoredVectors(Path file, Embedder embedder) {
    this.file = file;
    this.embedder = embedder;
  }

  @Override
  public String modelId() {
    return embedder.modelId();
  }

  @Override
  public float[] embedQuery(String text) {
    return embedder.embedQuery(text);
  }

  @Override
  public synchronized List<float[]> embedPassages(List<String> texts) {
    String key = key(texts);
    Optional<List<float[]>> stored = read(key, texts.size());
    if (stored.isPresent()) {
      return stored.get();
    }
    List<float[]> vectors = embedder.embedPassages(texts);
    write(key, vectors);
    return vectors;
  }

  private Optional<List<float[]>> read(String key, int count) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!in.readUTF().equals(key) || in.readInt() != count) {
        return Optional.empty();
      }
      int dimensions = in.readInt();
      List<float[]> vectors = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        float[] vector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
          vector[d] = in.readFloat();
        }
        vectors.add(vector);
      }
      return Optional.of(vectors);
    } catch (IOException e) {
      LOG.warn("stored vectors in {} could not be read, embedding again: {}", file, e.toString());
      return Optional.empty();
    }
  }

  private void write(String key, List<float[]> vectors) {
    try {
      AtomicFile.write(file, out -> {
        out.writeUTF(key);
        out.writeInt(vectors.size());
        out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
        for (float[] vector : vectors) {
          for (float value : vector) {
            out.writeFloat(value);
          }
        }
      });
    } catch (IOException e) {
      LOG.warn("vectors could not be stored in {}: {}", file, e.toString());
    }
  }

  private String key(List<String> texts) {
    StringBuilder text = new StringBuilder(embedder.modelId());
    texts.forEach(t -> text.append('\0').append(t));
    return Hashes.sha256(text.toString());
  }
}
