package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.greendesk.knowledge.KnowledgeDocument;
import org.junit.jupiter.api.Test;

class DocumentNamesTest {

  private static KnowledgeDocument doc(String id, String title) {
    return new KnowledgeDocument(id, title, "guide", List.of(), List.of(), List.of(), null, null, Map.of(), "b",
        List.of(), Path.of(id), "h");
  }

  @Test
  void should_show_documents_named_by_id_by_their_title() {
    DocumentNames names = new DocumentNames(List.of(doc("fund-kr-loans", "KOSME policy loans"),
        doc("fund-kr-loans-extra", "Extra loans"), doc("soup", "Soup guide")));

    assertThat(names.withTitles("See fund-kr-loans and fund-kr-loans-extra, not my-fund-kr-loans; soup is fine."))
        .isEqualTo("See KOSME policy loans and Extra loans, not my-fund-kr-loans; soup is fine.");
  }
}
