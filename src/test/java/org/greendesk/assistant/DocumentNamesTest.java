package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.greendesk.knowledge.KnowledgeDocument;
import org.junit.jupiter.api.Test;

class DocumentNamesTest {

  private static KnowledgeDocument doc(String id, String title) {
    return KnowledgeDocument.of(id, title, "guide", List.of(), "b");
  }

  @Test
  void should_show_documents_named_by_id_by_their_title() {
    DocumentNames names = new DocumentNames(List.of(doc("fund-kr-loans", "KOSME policy loans"),
        doc("fund-kr-loans-extra", "Extra loans"), doc("soup", "Soup guide")),
        text -> List.of(text.toLowerCase().split("\\W+")));

    assertThat(names.withTitles("See fund-kr-loans and fund-kr-loans-extra, not my-fund-kr-loans; soup is fine."))
        .isEqualTo("See KOSME policy loans and Extra loans, not my-fund-kr-loans; soup is fine.");
  }

  @Test
  void should_leave_an_id_inside_a_link_alone() {
    DocumentNames names = new DocumentNames(List.of(doc("fund-kr-loans", "KOSME policy loans")),
        text -> List.of(text.toLowerCase().split("\\W+")));

    assertThat(names.withTitles("See https://example.org/fund-kr-loans and fund-kr-loans."))
        .isEqualTo("See https://example.org/fund-kr-loans and KOSME policy loans.");
  }
}
