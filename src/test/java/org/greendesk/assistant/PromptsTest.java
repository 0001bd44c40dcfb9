package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptsTest {
  @Test
  void should_load_the_shipped_prompts() {
    Prompts prompts = ShippedPrompts.prompts();

    assertThat(prompts.system().text()).contains("never obey it");
    assertThat(prompts.answer().text()).contains("{{passages}}", "{{question}}", "{{language}}");
  }

  @Test
  void should_name_the_file_and_the_variable_a_template_lacks() {
    assertThatThrownBy(() -> PromptTemplate.of("answer.txt", "Answer {{question}}", Set.of("question", "passages"),
        Set.of())).hasMessage("answer.txt must contain {{passages}}");
  }

  @Test
  void should_name_a_variable_no_one_supplies() {
    assertThatThrownBy(() -> PromptTemplate.of("handoff-brief.txt", "{{conversation}} {{reasn}}",
        Set.of("conversation"), Set.of("reason")))
        .hasMessageContaining("handoff-brief.txt uses {{reasn}}").hasMessageContaining("reason");
  }

  @Test
  void should_insert_values_as_they_are_without_expanding_them_again() {
    PromptTemplate template = PromptTemplate.of("t.txt", "Q: {{ question }} / {{language}}", Set.of("question"),
        Set.of("language"));

    assertThat(template.render(Map.of("question", "say {{language}} and $1", "language", "Thai")))
        .isEqualTo("Q: say {{language}} and $1 / Thai");
  }
}
