package org.greendesk.assistant;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * The prompts of the model-written answers, one plain-text file each in {@code prompts/}, read at start so that
 * a centre can change them without a rebuild. The README lists what each receives. Immutable.
 *
 * @param system the rules every call carries ({@value #SYSTEM})
 * @param answer write an answer from numbered passages ({@value #ANSWER})
 * @param followUp rewrite a follow-up into a standalone English question ({@value #FOLLOW_UP})
 * @param brief summarise a conversation for an advisor ({@value #BRIEF})
 */
public record Prompts(PromptTemplate system, PromptTemplate answer, PromptTemplate followUp, PromptTemplate brief) {
  public static final String SYSTEM = "system.txt";
  public static final String ANSWER = "answer.txt";
  public static final String FOLLOW_UP = "follow-up.txt";
  public static final String BRIEF = "handoff-brief.txt";

  public Prompts {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(brief, "brief");
  }

  /** Where the prompt files are read from. */
  @FunctionalInterface
  public interface Files {
    /** The text of the prompt file of that name. */
    String read(String name) throws IOException;
  }

  /**
   * Reads and checks the four files.
   *
   * @throws IllegalArgumentException naming the file whose placeholders are wrong
   */
  public static Prompts load(Files files) throws IOException {
    return new Prompts(
        PromptTemplate.of(SYSTEM, files.read(SYSTEM), Set.of(), Set.of()),
        PromptTemplate.of(ANSWER, files.read(ANSWER), Set.of("question", "passages", "language"), Set.of("count")),
        PromptTemplate.of(FOLLOW_UP, files.read(FOLLOW_UP), Set.of("conversation", "question"), Set.of()),
        PromptTemplate.of(BRIEF, files.read(BRIEF), Set.of("conversation"), Set.of("reason")));
  }
}
