package org.greendesk.follow;

import java.nio.file.Path;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeFiles;
import org.greendesk.knowledge.KnowledgeLoader;

/**
 * A knowledge folder of four documents and a calendar, written into a test's folder: a regulation to follow and
 * change, a Korean rule for steel makers, a funding programme with a deadline, and dated events in Korea and the EU.
 */
public final class SmallKnowledge {
  /** The deadline of the funding programme and the starts of the Korean events, as the calendar says. */
  public static final String GRANT_DEADLINE = "2026-12-20";
  public static final String FORUM_STARTS = "20261220";
  public static final String FAIR_STARTS = "20270301";

  private SmallKnowledge() {}

  /** Writes the folder; {@code deadlines} is the text of the regulation's "Deadlines" section. */
  public static Path write(Path folder, String deadlines) {
    KnowledgeFiles.write(folder, "knowledge.yaml", """
        economies:
          EU: [european union, europe]
          Korea: [korean, south korea]
        """);
    KnowledgeFiles.write(folder, "regulation/eu-cbam.md", """
        ---
        id: eu-cbam
        title: EU Carbon Border Adjustment Mechanism (CBAM)
        short_name: EU CBAM
        category: regulation
        economies: [EU]
        topics: [carbon pricing, imports]
        aliases: [CBAM, carbon border tax]
        source: https://taxation-customs.ec.europa.eu/carbon-border-adjustment-mechanism_en
        reviewed: 2026-11-01
        ---
        # EU Carbon Border Adjustment Mechanism (CBAM)

        CBAM puts a carbon price on imports of steel, aluminium and cement into the EU.

        ## Who is covered
        Importers of more than 50 tonnes a year.

        ## Deadlines
        %s
        """.formatted(deadlines));
    KnowledgeFiles.write(folder, "regulation/kr-steel-reporting.md", """
        ---
        id: kr-steel-reporting
        title: Korea steel emissions reporting
        category: regulation
        economies: [Korea]
        topics: [emissions reporting]
        aliases: [steel reporting]
        source: https://example.org/kr-steel-reporting
        reviewed: 2026-11-01
        applies_to:
          - established_in: [Korea]
            sectors: [steel]
            deadlines:
              - {date: 2027-03-31, yearly: true, what: annual emissions report}
        ---
        # Korea steel emissions reporting

        Steel makers established in Korea report their emissions every year.
        """);
    KnowledgeFiles.write(folder, "funding/kr-green-grant.md", """
        ---
        id: kr-green-grant
        title: Korea green transition grant
        category: funding
        economies: [Korea]
        topics: [grants, energy efficiency]
        aliases: [green transition grant]
        source: https://example.org/kr-green-grant
        reviewed: 2026-11-01
        deadline: %s
        ---
        # Korea green transition grant

        The grant pays half of an SME's energy-efficiency investment.
        """.formatted(GRANT_DEADLINE));
    KnowledgeFiles.write(folder, "events/calendar.ics", """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//GreenDesk//Test//EN
        BEGIN:VEVENT
        UID:kr-forum@test
        DTSTAMP:20261101T000000Z
        SUMMARY:Korea Green SME Forum
        DTSTART;VALUE=DATE:%s
        DTEND;VALUE=DATE:20261222
        LOCATION:Seoul\\, Korea
        CATEGORIES:eco-innovation,forum
        X-ECONOMIES:Korea
        URL:https://example.org/kr-forum
        STATUS:CONFIRMED
        END:VEVENT
        BEGIN:VEVENT
        UID:eu-week@test
        DTSTAMP:20261101T000000Z
        SUMMARY:EU Green Week
        DTSTART;VALUE=DATE:20261215
        DTEND;VALUE=DATE:20261218
        LOCATION:Brussels
        CATEGORIES:carbon pricing
        X-ECONOMIES:EU
        STATUS:CONFIRMED
        END:VEVENT
        BEGIN:VEVENT
        UID:kr-fair@test
        DTSTAMP:20261101T000000Z
        SUMMARY:Korea Eco Fair
        DTSTART;VALUE=DATE:%s
        DTEND;VALUE=DATE:20270304
        LOCATION:Busan
        CATEGORIES:fair
        X-ECONOMIES:Korea
        STATUS:CONFIRMED
        END:VEVENT
        BEGIN:VEVENT
        UID:kr-expo@test
        DTSTAMP:20261101T000000Z
        SUMMARY:Korea Green Expo (dates to be announced)
        DTSTART;VALUE=DATE:20261201
        DTEND;VALUE=DATE:20270101
        LOCATION:Korea
        CATEGORIES:fair
        X-ECONOMIES:Korea
        STATUS:TENTATIVE
        END:VEVENT
        END:VCALENDAR
        """.formatted(FORUM_STARTS, FAIR_STARTS).replace("\n", "\r\n"));
    return folder;
  }

  public static KnowledgeBase load(Path folder, String deadlines) {
    try {
      return new KnowledgeLoader().load(write(folder, deadlines));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
