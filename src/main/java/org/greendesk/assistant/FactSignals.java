package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which kinds of fact an English sentence carries, by its form: a date, an amount of money or a percentage, a
 * quantity with its unit, an organisation or a link, an instruction, a list of documents or data. Patterns of
 * English prose, not of any subject, so they hold for any knowledge folder. Stateless and thread safe.
 */
final class FactSignals {
  private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
      + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
  private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+)";
  private static final String YEAR = "(?:19|20)\\d{2}";
  private static final Pattern DATE = Pattern.compile(String.join("|",
      "\\b\\d{1,2}\\s+" + MONTH + "\\b(?:,?\\s+" + YEAR + "\\b)?",
      "\\b" + MONTH + "\\s+(?:\\d{1,2},\\s+)?" + YEAR + "\\b",
      "\\b" + YEAR + "-\\d{2}-\\d{2}\\b",
      "\\b(?:Q[1-4]|H[12])\\s+" + YEAR + "\\b",
      "\\b(?:from|since|until|by|before|after|in|from the end of|by the end of|end of|start of|as of)\\s+" + YEAR
          + "\\b",
      "\\b(?:in|from|until|by|since|during|every|each|around|usually in)\\s+(?:early |mid-|late )?" + MONTH + "\\b",
      "\\b(?:end|beginning|start|middle) of " + MONTH + "\\b",
      // Durations and frequencies answer "how long" and "how often".
      "(?i:\\b" + NUMBER_WORD + "(?:\\s+to\\s+" + NUMBER_WORD + ")?\\s+(?:working\\s+)?"
          + "(?:years?|months?|weeks?|days?)\\b)",
      "(?i:\\b(?:annually|yearly|quarterly|monthly|every (?:\\w+ )?(?:year|month|quarter|week))\\b)"));
  private static final Pattern AMOUNT = Pattern.compile(
      "(?:€|£|\\$|₩|¥|₱|₹|฿|\\b(?:EUR|USD|US\\$|S\\$|SGD|A\\$|AUD|KRW|JPY|CNY|RMB|MYR|RM|THB|IDR|Rp"
      + "|VND|PHP|INR|GBP|CHF))"
      + "\\s?\\d|\\d[\\d,.]*\\s?(?:%|per ?cent\\b|percent\\b|(?:million|billion|thousand|trillion)?\\s?"
      + "(?:euros?|dollars?|won|yen|yuan|ringgit|baht|rupiah|dong|đồng|pesos?|rupees?))"
      // A multiple of a price: "fined 5 to 10 times the average market price".
      + "|\\b(?:\\d+|two|three|four|five|ten)(?:\\s?(?:to|-|–)\\s?(?:\\d+|three|five|ten))?\\s+times\\s+the\\b"
      + "|\\b(?:free of charge|no fees?|(?:at )?no cost"
      + "|no charge|without charge|for free|(?:is|are) free|free or low[- ]cost)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern QUANTITY = Pattern.compile(
      "\\d[\\d,.]*\\s?(?:tonnes?|t\\b|tons?\\b|tCO2e?|kt\\b|Mt\\b|kg\\b|mg\\b|employees|staff|workers|people|persons"
      + "|MW\\b|kW\\b|kWp\\b|MWp\\b|kWh\\b|MWh\\b|GWh\\b|TJ\\b|PJ\\b|GJ\\b|TOE\\b|toe\\b|kL\\b|hectares?|ha\\b"
      + "|litres?|liters?|square met(?:re|er)s?|m2\\b|m²|sq m\\b|ppm\\b|units?|products?|items?|substances?)"
      + "|\\b(?:more than|at least|no more than|not more than|above|below|over|under|less than|fewer than|up to"
      + "|exceed(?:s|ing)?|or more|threshold)\\s+(?:of\\s+)?[€$£¥₩]?\\d",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTACT = Pattern.compile(
      "https?://|www\\.|@[\\w-]+\\.|\\b(?:contact|helpdesk|help desk|hotline|apply (?:through|via|on|at|to)"
      + "|(?:National )?Contact Points?)\\b|\\b[A-Z][\\w'-]+(?:\\s+(?:of|for|and|the|[A-Z][\\w'-]+))*\\s+"
      + "(?:Agency|Ministry|Authority|Commission|Centre|Center|Council|Office|Portal|Network|Institute|Corporation"
      + "|Bank|Board|Department|Bureau|Chamber|Association|Administration|Service|Organisation|Organization)\\b"
      + "|\\b(?:Ministry|Agency|Department|Office|Bureau) of\\b");
  private static final Pattern STEPS = Pattern.compile(
      "^(?:Check|Measure|Register|Submit|Apply|Prepare|Collect|Have|Ask|Keep|Appoint|Notify|Label|Calculate|Set|"
      + "Identify|Choose|Get|Make|Report|Map|Assess|Document|Request|Obtain|Train|Buy|Install|Claim|File|Send|"
      + "Create|Log in|Sign|Pay|Book|Contact|Use|Read|Write|Start|Plan|Publish|Review|Replace|Verify)\\b"
      + "|\\b(?:first|then|next|finally|step|steps|apply|submit|register|registration|application)\\b");
  /** Words that say who a rule covers: "applies to", "exempt", "not required". */
  private static final Pattern APPLIES = Pattern.compile("\\b(?:appl(?:y|ies|ied)|cover(?:s|ed)?|exempt(?:ed|ion|s)?"
      + "|excluded|in scope|out of scope|required|obliged|mandatory|must|need(?:s)? not|do(?:es)? not have to"
      + "|only (?:for|to|if|when|companies|firms|facilities|importers|producers))\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOCUMENTS = Pattern.compile(
      "\\b(?:data|documents?|documentation|information|certificates?|declarations?|statements?|reports?|records?"
      + "|evidence|forms?|plans?|invoices?|geolocation|safety data sheets?|SDS|dossiers?|technical file|labels?"
      + "|proof|audits?|inventory|inventories)\\b", Pattern.CASE_INSENSITIVE);

  /** Prose that says a fact is not known yet: an honest answer, but not the fact asked for. */
  private static final Pattern UNKNOWN = Pattern.compile("\\b(?:(?:has|have|had) not (?:yet )?(?:been )?(?:announced|"
      + "set|published|confirmed|decided|fixed|adopted)|not (?:yet )?(?:been )?(?:announced|published|confirmed)|"
      + "could not be (?:confirmed|verified|found)|no (?:date|rate|amount|figure) has been|is not yet known|"
      + "(?:were|was|are|is) not (?:yet )?(?:announced|published|set|known))\\b", Pattern.CASE_INSENSITIVE);
  /** A law's or an article's number: "2025/2083", "No. 7", "Article 32", "Decree 06/2022/ND-CP". */
  private static final Pattern REFERENCE = Pattern.compile("\\b\\d+(?:/[\\w-]+)+|\\b(?:No|Nos|Art)\\.\\s*\\d+"
      + "|\\b(?:Article|Articles|Section|Annex|Regulation|Directive|Decree|Law|Act|Decision|Circular)\\s+"
      + "(?:\\([A-Z]+\\)\\s+)?(?:No\\.\\s*)?\\d+(?:/[\\w-]+)*", Pattern.CASE_INSENSITIVE);
  /** A number, thousands separators allowed, or a range of two ("10-100"), which counts as one. */
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[,\\s\u00a0\u202f]\\d{3}(?!\\d))*(?:\\.\\d+)?"
      + "(?:\\s?[-–]\\s?\\d+(?:[,\\s\u00a0\u202f]\\d{3}(?!\\d))*(?:\\.\\d+)?)?");

  private FactSignals() {}

  /** The kinds the sentence can answer; {@link AnswerKind#GENERAL} and definitions are left to meaning. */
  static Set<AnswerKind> of(String sentence) {
    Set<AnswerKind> kinds = EnumSet.noneOf(AnswerKind.class);
    if (DATE.matcher(sentence).find()) {
      kinds.add(AnswerKind.DATE);
    }
    if (AMOUNT.matcher(sentence).find()) {
      kinds.add(AnswerKind.AMOUNT);
    }
    if (QUANTITY.matcher(sentence).find()) {
      kinds.add(AnswerKind.THRESHOLD);
    }
    if (CONTACT.matcher(sentence).find()) {
      kinds.add(AnswerKind.CONTACT);
    }
    if (STEPS.matcher(sentence).find()) {
      kinds.add(AnswerKind.STEPS);
    }
    if (APPLIES.matcher(sentence).find()) {
      kinds.add(AnswerKind.APPLIES);
    }
    if (DOCUMENTS.matcher(sentence).find()) {
      kinds.add(AnswerKind.DOCUMENTS);
    }
    return kinds;
  }

  /**
   * The first stretch of the sentence that carries a fact of the kind ("30 September 2027", "S$30,000", "50
   * tonnes"), for checking that a rewording kept it; empty for other kinds or when there is none.
   */
  static String firstFact(AnswerKind kind, String sentence) {
    Pattern pattern = switch (kind) {
      case DATE -> DATE;
      case AMOUNT -> AMOUNT;
      case THRESHOLD -> QUANTITY;
      default -> null;
    };
    if (pattern == null) {
      return "";
    }
    Matcher matcher = pattern.matcher(sentence);
    return matcher.find() ? matcher.group() : "";
  }

  /**
   * The numbers a text states as facts, as {@link #numbers} gives them, without those of references: "Regulation
   * (EU) 2025/2083 applies from 30 June 2027 to 50 tonnes" gives 30, 2027 and 50.
   */
  static List<String> factNumbers(String text) {
    return numbers(REFERENCE.matcher(text).replaceAll(" "));
  }

  /**
   * The numbers of a text, thousands separators removed, a range as one: "S$30,000 from 1 April 2026 for 10-100 t"
   * gives 30000, 1, 2026, 10-100.
   */
  static List<String> numbers(String text) {
    List<String> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      numbers.add(matcher.group().replaceAll("(?<=\\d)[,\\s\u00a0\u202f](?=\\d{3}\\b)", "")
          .replaceAll("\\s?[-–]\\s?", "-"));
    }
    return numbers;
  }

  /** True when the text says the fact is not known yet ("had not been announced", "could not be confirmed"). */
  static boolean saysUnknown(String text) {
    return UNKNOWN.matcher(text).find();
  }

}
