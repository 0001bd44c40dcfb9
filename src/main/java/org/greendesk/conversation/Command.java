package org.greendesk.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command an SME typed, the same in every channel: {@code /advisor}, {@code /language ko}... The only messages
 * read by exact rule; everything else is read by the assistant.
 *
 * @param rest what follows the command's name, stripped; empty when nothing does
 */
public record Command(Name name, String rest) {
  /** A command's name, with a trailing {@code @botname} as Telegram groups add it. */
  private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z_]{1,32})(?:@\\w+)?(?:\\s+(.*))?$",
      Pattern.DOTALL);

  /** The commands GreenDesk knows. */
  public enum Name {
    START, HELP, ADVISOR, EVENTS, FUNDING, REGULATIONS, CANCEL, LANGUAGE, FORGET, FOLLOW, FOLLOWING, UNFOLLOW,
    PROFILE, CHECK, UNKNOWN;

    /** As typed, without the slash. */
    public String typed() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True for the commands that ask the bot a question, which stays silent while an advisor holds the chat. */
    boolean asks() {
      return this == ADVISOR || this == EVENTS || this == FUNDING || this == REGULATIONS;
    }
  }

  /** The command in a message, if the message is one; an unknown name is {@link Name#UNKNOWN}. */
  public static Optional<Command> in(String text) {
    Matcher m = COMMAND.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String typed = m.group(1).toUpperCase(Locale.ROOT);
    Name name = java.util.Arrays.stream(Name.values()).filter(n -> n != Name.UNKNOWN && n.name().equals(typed))
        .findFirst().orElse(Name.UNKNOWN);
    return Optional.of(new Command(name, m.group(2) == null ? "" : m.group(2).strip()));
  }
}
