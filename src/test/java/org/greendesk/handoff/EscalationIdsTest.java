package org.greendesk.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscalationIdsTest {

  @Test
  void should_read_ids_and_ranges_as_staff_type_them() {
    assertThat(EscalationIds.parse(" 12 13,20-22 ")).containsExactly(12L, 13L, 20L, 21L, 22L);
  }

  @Test
  void should_refuse_what_is_not_an_id_or_a_sane_range_and_name_it() {
    assertThatThrownBy(() -> EscalationIds.parse("12 abc")).hasMessageContaining("abc");
    assertThatThrownBy(() -> EscalationIds.parse("30-20")).hasMessageContaining("30-20");
    assertThatThrownBy(() -> EscalationIds.parse("1-5000")).hasMessageContaining("1-5000");
    assertThatThrownBy(() -> EscalationIds.parse("0")).hasMessageContaining("0");
  }
}
