package org.greendesk.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging settings to Logback once they are read: {@code logback.xml} sets up the text lines on
 * standard error (with the conversation and channel from the MDC); this sets GreenDesk's level and, for
 * {@code GREENDESK_LOG_FORMAT=json}, swaps in Logback's own JSON encoder: one object a line, the MDC under
 * {@code mdc}, the formatted message under {@code formattedMessage}.
 */
public final class Logs {
  /** The appender {@code logback.xml} declares. */
  static final String APPENDER = "STDERR";

  private Logs() {}

  public static void apply(Settings.Logging logging) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      apply(context, logging);
    }
  }

  static void apply(LoggerContext context, Settings.Logging logging) {
    context.getLogger("org.greendesk").setLevel(Level.toLevel(logging.level()));
    Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (logging.json() && appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // the message once, already formatted: its pattern and arguments again would double every line
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.start();
      stream.stop();
      stream.setEncoder(json);
      stream.start();
    }
  }
}
