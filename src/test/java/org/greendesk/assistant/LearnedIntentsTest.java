package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped examples, by their characters alone, on messages that are not among them. */
class LearnedIntentsTest {
  private static final Intents INTENTS = ShippedPrompts.intents();

  private static java.util.Optional<String> label(String message, String language) {
    return INTENTS.classify(message, language).filter(Intents.Guess::sure).map(Intents.Guess::label);
  }

  @Test
  void should_hear_a_request_for_a_person_in_the_smes_languages() {
    assertThat(label("상담사와 직접 통화하고 싶어요", "ko")).contains(Intents.ADVISOR_REQUEST);
    assertThat(label("Tôi muốn gặp chuyên gia tư vấn của trung tâm", "vi"))
        .contains(Intents.ADVISOR_REQUEST);
    assertThat(label("ขอคุยกับเจ้าหน้าที่หน่อยครับ", "th")).contains(Intents.ADVISOR_REQUEST);
  }

  @Test
  void should_take_thanks_as_small_talk_not_as_a_request() {
    assertThat(label("cảm ơn bạn rất nhiều", "vi")).contains(Intents.THANKS);
    assertThat(label("감사합니다!", "ko")).contains(Intents.THANKS);
  }

  @Test
  void should_leave_a_question_that_mentions_fines_in_general_as_a_question() {
    assertThat(label("What are the fines for not reporting under CBAM?", "en")).isEmpty();
  }
}
