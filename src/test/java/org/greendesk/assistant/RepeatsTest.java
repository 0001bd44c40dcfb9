package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsTest {
  private static final String CURATED =
      "Micro and small enterprises apply the EUDR from 30 June 2027; timber products keep 30 December 2026.";

  @Test
  void should_tell_a_sentence_that_says_again_what_was_said() {
    // given a curated answer quoted, and the document's sentence it sums up
    String again = "For micro and small enterprises, timber products keep the 30 December 2026 date of the EUDR.";

    // when / then
    assertThat(Repeats.saidIn(again, List.of(CURATED))).isTrue();
  }

  @Test
  void should_keep_a_sentence_that_adds_a_fact() {
    String more = "Large and medium-sized operators must file due diligence statements in the EU information system.";

    assertThat(Repeats.saidIn(more, List.of(CURATED))).isFalse();
  }

  @Test
  void should_keep_a_sentence_that_adds_a_date_however_alike_its_words() {
    String dates = "The EUDR applies from 30 December 2026 to large companies and from 30 June 2027 to micro and small "
        + "enterprises, as amended in December 2025.";

    assertThat(Repeats.saidIn(dates, List.of(CURATED))).isFalse();
  }

  @Test
  void should_not_count_a_regulation_s_number_as_a_new_fact() {
    String curated = "CBAM exempts importers of no more than 50 tonnes a year of CBAM goods (threshold in force since "
        + "2026).";
    String again = "CBAM exempts importers of no more than 50 tonnes a year of CBAM goods; this threshold was set by "
        + "Regulation (EU) 2025/2083 and applies from 2026.";

    assertThat(Repeats.saidIn(again, List.of(curated))).isTrue();
  }

  @Test
  void should_keep_the_first_sentence_of_an_answer() {
    assertThat(Repeats.saidIn(CURATED, List.of())).isFalse();
  }
}
