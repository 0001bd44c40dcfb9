package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What kind of fact a question asks for, read with the shipped routing policy's cue phrases. */
class QuestionReaderTest {
  private static final Set<String> QUESTION_WORDS = Set.of("what", "when", "do", "we", "the", "is", "our", "a", "for");
  private static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
  private final QuestionReader reader = new QuestionReader(ShippedPrompts.policy(),
      text -> List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")), QUESTION_WORDS::contains,
      DECEMBER_2026);

  @Test
  void should_read_what_an_amount_asked_for_is_of() {
    AskedFor fine = reader.read("What is the fine in Poland for missing the EED energy audit?");

    assertThat(fine.names("Enterprises above 10 TJ must have an energy audit.")).isFalse();
    assertThat(fine.names("Missing the audit is punished with a penalty of up to PLN 50,000.")).isTrue();
    assertThat(reader.read("How much is the grant?").names("The grant covers 70% of the cost.")).isTrue();
  }

  @Test
  void should_read_steps_and_places_asked_for_in_the_third_person_or_the_plural() {
    assertThat(reader.primary("How does a Thai factory join the Green Industry programme?"))
        .isEqualTo(AnswerKind.STEPS);
    assertThat(reader.primary("How can our Malaysian company buy carbon credits?")).isEqualTo(AnswerKind.STEPS);
    assertThat(reader.primary("Where do we send our EU Ecolabel application?")).isEqualTo(AnswerKind.CONTACT);
    assertThat(reader.primary("How does the levy compare with the tax?")).isNotEqualTo(AnswerKind.CONTACT);
  }

  @Test
  void should_read_the_year_a_question_asks_about() {
    AskedFor rate = reader.read("Singapore carbon tax rate for 2028?");

    assertThat(rate.names("The rate is S$45 per tCO2e for emissions in 2026 and 2027.")).isFalse();
    assertThat(rate.names("From 2028 the rate is to be set between S$50 and S$80.")).isTrue();
  }

  @Test
  void should_ask_for_a_moving_price_as_of_this_year_and_quarter_when_asked_for_it_now() {
    // given a price asked for today, in December 2026
    AskedFor today = reader.read("What's the CBAM certificate price today?");

    // then a figure for an earlier quarter, or with no date, is not today's; one for this quarter is
    assertThat(today.names("The CBAM price was €75.36 per tonne for the first quarter of 2026.")).isFalse();
    assertThat(today.names("Allowances cost up to three times the average market price.")).isFalse();
    assertThat(today.names("The CBAM price for Q4 2026 is €80.10 per tonne.")).isTrue();
    // a quarter named is asked for whenever it is asked
    assertThat(reader.read("What is the KEITI loan interest rate in Q1 2026?")
        .names("2.01% a year in the first quarter of 2026.")).isTrue();
    // a fixed amount asked for now is what the document says, dated or not
    assertThat(reader.read("How much is the Singapore carbon tax now?")
        .names("The carbon tax is S$45 per tonne.")).isTrue();
  }

  @Test
  void should_read_the_term_a_definition_asks_about_and_tell_a_sentence_that_defines_it() {
    AskedFor dnsh = reader.read("What does DNSH mean in the EU taxonomy?");
    AskedFor boundary = reader.read("Our customer wants a 'cradle to gate' footprint. What does that mean?");

    assertThat(dnsh.terms()).containsExactly("DNSH");
    assertThat(dnsh.definitions().test("Does no significant harm (DNSH) to the other objectives.")).isTrue();
    assertThat(dnsh.definitions().test("Reporting is mandatory, which means mainly companies with 1,000 employees.")).isFalse();
    assertThat(boundary.terms()).containsExactly("cradle to gate");
    assertThat(boundary.definitions().test("Cradle to gate is a partial footprint from raw materials to the factory gate."))
        .isTrue();
    assertThat(reader.read("When is the DNSH deadline?").terms()).isEmpty();
  }

  @Test
  void should_read_the_kind_asked_for_first() {
    assertThat(reader.read("When does EUDR start applying to small companies?").primary()).isEqualTo(AnswerKind.DATE);
    assertThat(reader.read("How much does REACH registration cost for 5 tonnes per year?").primary())
        .isEqualTo(AnswerKind.AMOUNT);
    assertThat(reader.read("We import about 35 t of steel a year, do we still fall under CBAM?").primary())
        .isEqualTo(AnswerKind.APPLIES);
    assertThat(reader.read("What is the CBAM threshold in tonnes?").primary()).isEqualTo(AnswerKind.THRESHOLD);
    assertThat(reader.read("who do I contact about K-REACH?").primary()).isEqualTo(AnswerKind.CONTACT);
    assertThat(reader.read("What documents do we need for a KOSME loan?").primary()).isEqualTo(AnswerKind.DOCUMENTS);
    assertThat(reader.read("What is CBAM?").primary()).isEqualTo(AnswerKind.DEFINITION);
    assertThat(reader.read("Tell me something nice").primary()).isEqualTo(AnswerKind.GENERAL);
  }

  @Test
  void should_not_take_the_askers_description_of_itself_for_the_question() {
    assertThat(reader.read("medium size shoe company (120 staff). from when is the destruction ban for us?")
        .primary()).isEqualTo(AnswerKind.DATE);
  }

  @Test
  void should_tell_history_lists_and_comparisons() {
    assertThat(reader.read("What were the original EUDR dates?").history()).isTrue();
    assertThat(reader.read("What are the steps to register?").list()).isTrue();
    assertThat(reader.read("REACH vs K-REACH deadlines").comparison()).isTrue();
    assertThat(reader.read("When is the REACH deadline?").history()).isFalse();
  }

  @Test
  void should_keep_the_kind_a_follow_up_asks_for_and_the_focus_of_the_whole() {
    AskedFor asked = reader.read("and the deadline?", "K-REACH registration and the deadline?");

    assertThat(asked.primary()).isEqualTo(AnswerKind.DATE);
    assertThat(asked.focus()).contains("registration").doesNotContain("the");
  }
}
