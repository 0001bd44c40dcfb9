package org.greendesk.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reading one setting from the values the service's settings come from, each failure naming the setting: shared by
 * the service's own settings and the channel modules', so that they all read and refuse values alike.
 */
public final class SettingValues {
  private SettingValues() {}

  /** The value with surrounding blanks removed; {@code null} when it is unset or blank. */
  public static @Nullable String text(Map<String, String> values, String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * An http(s) URL with a host, or the fallback when the setting is unset.
   *
   * @throws IllegalArgumentException naming the setting when it is not such a URL
   */
  public static URI httpUrl(Map<String, String> values, String name, String fallback) {
    String url = Objects.requireNonNullElse(text(values, name), fallback);
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
        throw new URISyntaxException(url, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " must be an http(s) URL: " + url, e);
    }
  }

  /**
   * A whole number within bounds, or the fallback when the setting is unset.
   *
   * @throws IllegalArgumentException naming the setting and the bounds
   */
  public static int number(Map<String, String> values, String name, int fallback, int min, int max) {
    String text = Objects.requireNonNullElse(text(values, name), String.valueOf(fallback));
    try {
      int number = Integer.parseInt(text);
      if (number < min || number > max) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ": " + text, e);
    }
  }

  /**
   * Refuses settings that mean something only with the channel's token when the token is unset: most likely a
   * token forgotten or misspelt.
   */
  public static void requireToken(Map<String, String> values, String token, String... dependents) {
    if (text(values, token) != null) {
      return;
    }
    for (String name : dependents) {
      if (text(values, name) != null) {
        throw new IllegalArgumentException(name + " is set without " + token + ": set the token too, or neither");
      }
    }
  }
}
