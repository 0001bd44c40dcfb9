package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kinds of fact an English sentence carries, by its form. */
class FactSignalsTest {

  @Test
  void should_tell_dates_durations_and_frequencies() {
    assertThat(FactSignals.of("The rule applies from 30 June 2027.")).contains(AnswerKind.DATE);
    assertThat(FactSignals.of("Reports are due by the end of July.")).contains(AnswerKind.DATE);
    assertThat(FactSignals.of("Loans run for up to 20 years.")).contains(AnswerKind.DATE);
    assertThat(FactSignals.of("Audits are needed every four years.")).contains(AnswerKind.DATE);
    assertThat(FactSignals.of("Option 1 may apply to you.")).doesNotContain(AnswerKind.DATE);
  }

  @Test
  void should_tell_amounts_quantities_and_contacts() {
    assertThat(FactSignals.of("The grant covers up to 70% of the cost, capped at S$30,000."))
        .contains(AnswerKind.AMOUNT);
    assertThat(FactSignals.of("PFAN coaching is free of charge.")).contains(AnswerKind.AMOUNT);
    assertThat(FactSignals.of("It is fined 5 to 10 times the average market price.")).contains(AnswerKind.AMOUNT);
    assertThat(FactSignals.of("Importers of no more than 50 tonnes a year are exempt.")).contains(AnswerKind.THRESHOLD);
    assertThat(FactSignals.of("Ask the Korea Energy Agency for help.")).contains(AnswerKind.CONTACT);
    assertThat(FactSignals.of("The regulation has no SME exemption.")).contains(AnswerKind.APPLIES)
        .doesNotContain(AnswerKind.THRESHOLD);
    assertThat(FactSignals.of("Submit the due diligence statement.")).contains(AnswerKind.STEPS, AnswerKind.DOCUMENTS);
  }

  @Test
  void should_find_the_fact_and_its_numbers() {
    assertThat(FactSignals.firstFact(AnswerKind.DATE, "It is due by 30 September 2027 at the latest."))
        .isEqualTo("30 September 2027");
    assertThat(FactSignals.numbers("S$30,000 from 1 April 2026 for 10-100 t")).containsExactly("30000", "1", "2026",
        "10-100");
  }

  @Test
  void should_tell_a_fact_said_to_be_unknown() {
    assertThat(FactSignals.saysUnknown("The ENVEX 2027 dates had not been announced.")).isTrue();
    assertThat(FactSignals.saysUnknown("Whether collection has started could not be confirmed.")).isTrue();
    assertThat(FactSignals.saysUnknown("The dates were announced in May.")).isFalse();
  }
}
