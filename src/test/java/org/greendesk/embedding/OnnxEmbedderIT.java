package org.greendesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEmbedderIT {

  @Test
  void should_embed_as_from_the_jar_with_the_model_kept_in_a_folder_copied_once(@TempDir Path folder)
      throws IOException {
    // given the model read from the class path, and the same kept in a folder
    OnnxEmbedder fromJar = new OnnxEmbedder(OnnxEmbedder.Model.MINILM);
    OnnxEmbedder kept = new OnnxEmbedder(OnnxEmbedder.Model.MINILM, folder);
    List<Path> copied = files(folder);
    long written = Files.getLastModifiedTime(copied.get(0)).toMillis();

    // when it is made again on the folder
    OnnxEmbedder again = new OnnxEmbedder(OnnxEmbedder.Model.MINILM, folder);

    // then all three give the same vectors, from the one copy, not written again
    String question = "When must CBAM declarations be filed?";
    assertThat(kept.embedQuery(question)).containsExactly(fromJar.embedQuery(question));
    assertThat(again.embedQuery(question)).containsExactly(fromJar.embedQuery(question));
    assertThat(copied).hasSize(1);
    assertThat(copied.get(0).getFileName().toString()).endsWith("-all-minilm-l6-v2-q.onnx");
    assertThat(files(folder)).isEqualTo(copied);
    assertThat(Files.getLastModifiedTime(copied.get(0)).toMillis()).isEqualTo(written);
  }

  @Test
  void should_read_the_model_from_the_jar_when_the_folder_cannot_be_written(@TempDir Path folder)
      throws IOException {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "");

    OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.MINILM, file);

    assertThat(embedder.embedQuery("grant")).hasSize(384);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> all = Files.list(folder)) {
      return all.sorted().toList();
    }
  }
}
