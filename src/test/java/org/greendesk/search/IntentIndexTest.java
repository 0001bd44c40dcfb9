package org.greendesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentIndexTest {
  private static final Map<String, Map<String, List<String>>> EXAMPLES = Map.of(
      "en", Map.of(
          "advisor_request", List.of("can I talk to a person", "please connect me with an advisor",
              "I want to speak to a human", "have someone call me back"),
          "thanks", List.of("thank you", "thanks a lot", "many thanks, that helps"),
          "question", List.of("what is the carbon tax rate", "when is the CBAM deadline",
              "which grants fund solar panels", "how do I register a chemical")),
      "vi", Map.of(
          "advisor_request", List.of("tôi muốn nói chuyện với chuyên viên", "cho tôi gặp tư vấn viên"),
          "thanks", List.of("cảm ơn bạn", "cảm ơn nhiều"),
          "question", List.of("thuế carbon là bao nhiêu", "hạn chót CBAM là khi nào")));

  private final IntentIndex index = new IntentIndex(EXAMPLES, null, IntentIndex.Settings.defaults());

  @Test
  void should_recognise_a_message_close_to_the_examples_of_one_label() {
    assertThat(index.classify("could I talk to a real person?", "en")).map(IntentIndex.Guess::label)
        .contains("advisor_request");
    assertThat(index.classify("cảm ơn bạn nhiều", "vi")).map(IntentIndex.Guess::label).contains("thanks");
  }

  @Test
  void should_tell_an_ordinary_question_from_a_request_for_a_person() {
    assertThat(index.classify("what is the rate of the carbon tax in 2026?", "en")).map(IntentIndex.Guess::label)
        .contains("question");
  }

  @Test
  void should_give_no_guess_when_no_label_is_likely_enough() {
    IntentIndex strict = new IntentIndex(EXAMPLES, null, new IntentIndex.Settings(0.99, 0));

    assertThat(strict.classify("zzz qqq", "en")).isEmpty();
  }

  @Test
  void should_guess_the_same_after_training_on_the_same_examples_again() {
    IntentIndex again = new IntentIndex(EXAMPLES, null, IntentIndex.Settings.defaults());

    assertThat(again.classify("someone call me", "en")).isEqualTo(index.classify("someone call me", "en"));
  }

  @Test
  void should_read_back_what_it_learnt_and_learn_again_when_the_examples_change(@TempDir Path folder)
      throws IOException {
    // given a classifier kept in a file
    Path kept = folder.resolve("classifier.bin");
    new IntentIndex(EXAMPLES, null, IntentIndex.Settings.defaults(), kept);
    byte[] first = Files.readAllBytes(kept);

    // when it is made again on the same examples, then on others
    IntentIndex read = new IntentIndex(EXAMPLES, null, IntentIndex.Settings.defaults(), kept);
    Map<String, Map<String, List<String>>> more = new HashMap<>(EXAMPLES);
    more.put("ms", Map.of("thanks", List.of("terima kasih banyak")));
    new IntentIndex(more, null, IntentIndex.Settings.defaults(), kept);

    // then the first guesses exactly as one trained, and the second replaced the file
    for (String message : List.of("someone call me", "cảm ơn", "carbon tax deadline", "zzz")) {
      assertThat(read.classify(message, "en")).isEqualTo(index.classify(message, "en"));
    }
    assertThat(Files.readAllBytes(kept)).isNotEqualTo(first);
  }

  @Test
  void should_learn_again_when_the_kept_file_is_broken(@TempDir Path folder) throws IOException {
    Path kept = folder.resolve("classifier.bin");
    Files.write(kept, new byte[] {0, 3, 'a', 'b'});

    IntentIndex trained = new IntentIndex(EXAMPLES, null, IntentIndex.Settings.defaults(), kept);

    assertThat(trained.classify("someone call me", "en")).isEqualTo(index.classify("someone call me", "en"));
    assertThat(Files.size(kept)).isGreaterThan(4);
  }

  @Test
  void should_read_a_file_of_examples_and_refuse_one_without_messages() throws IOException {
    assertThat(IntentExamples.parse("examples:\n  thanks: [thank you, thx]\n"))
        .containsEntry("thanks", List.of("thank you", "thx"));
    assertThatThrownBy(() -> IntentExamples.parse("language: en\n")).hasMessageContaining("'examples' map");
    assertThatThrownBy(() -> IntentExamples.parse("examples:\n  thanks: [[nested]]\n"))
        .hasMessageContaining("intent 'thanks'");
  }
}
