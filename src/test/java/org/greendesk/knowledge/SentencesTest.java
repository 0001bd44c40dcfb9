package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a passage is cut into the sentences an answer may quote. */
class SentencesTest {

  @Test
  void should_keep_a_label_with_what_it_labels() {
    assertThat(Sentences.of("From 18 February 2027: QR codes and a digital battery passport. Since 18 August 2025 "
        + "the bin symbol is required."))
        .containsExactly("From 18 February 2027: QR codes and a digital battery passport.",
            "Since 18 August 2025 the bin symbol is required.");
  }

  @Test
  void should_leave_a_line_ending_with_a_colon_on_its_own_to_introduce_its_list() {
    assertThat(Sentences.of("EUDR operators must:\nCollect the geolocation of every plot.\nSubmit a statement."))
        .containsExactly("EUDR operators must:", "Collect the geolocation of every plot.", "Submit a statement.");
  }

  @Test
  void should_join_a_fragment_too_short_to_stand_alone_to_the_next() {
    assertThat(Sentences.of("Yes. Small firms are exempt until 2030."))
        .containsExactly("Yes. Small firms are exempt until 2030.");
  }

  @Test
  void should_not_end_a_sentence_at_the_stop_of_an_abbreviation_before_a_number() {
    assertThat(Sentences.of("Indonesia's carbon tax was created by Law No. 7 of 2021. It applies to coal plants first."))
        .containsExactly("Indonesia's carbon tax was created by Law No. 7 of 2021.", "It applies to coal plants first.");
  }
}
