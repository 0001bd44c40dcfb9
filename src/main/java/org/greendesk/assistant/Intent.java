package org.greendesk.assistant;

import java.util.Locale;
import org.greendesk.base.WireName;

/** What a message is about, as the contract names it. */
public enum Intent implements WireName {
  REGULATION, FUNDING, EVENT, DIRECTORY, GUIDE, ORGANISATION, SMALLTALK, ADVISOR_REQUEST, OUT_OF_SCOPE;

  /**
   * The intent of a question answered from a document of this category. A knowledge folder of another domain may
   * use categories the contract does not name: its answers are reported as {@code guide}.
   */
  public static Intent ofCategory(String category) {
    for (Intent intent : values()) {
      if (intent.ordinal() <= ORGANISATION.ordinal() && intent.wire().equals(category.toLowerCase(Locale.ROOT))) {
        return intent;
      }
    }
    return GUIDE;
  }
}
