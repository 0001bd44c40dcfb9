package org.greendesk.config;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The REST API's settings; the token never appears in {@code toString}.
 *
 * @param staffToken the bearer token that opens staff-only endpoints ({@code GET /api/escalations},
 *     {@code POST /api/reindex}), or {@code null}: those endpoints are off
 * @param requestsPerMinute what each client address may send to the API and the web chat in a minute
 * @param clientIpHeader the header ({@code X-Forwarded-For}) whose last address is the client's, as the reverse
 *     proxy in front saw it; {@code null}: the address of the connection
 */
public record ApiSettings(@Nullable String staffToken, int requestsPerMinute, @Nullable String clientIpHeader) {
  /** Long enough that it cannot be guessed in any number of tries the rate limit allows. */
  static final int MIN_TOKEN_LENGTH = 24;

  /** {@code GREENDESK_API_TOKEN}, {@code GREENDESK_RATE_LIMIT} (default 60), {@code GREENDESK_CLIENT_IP_HEADER}. */
  static ApiSettings from(Map<String, String> values) {
    String token = Settings.blankToNull(values.get("GREENDESK_API_TOKEN"));
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("GREENDESK_API_TOKEN must be at least " + MIN_TOKEN_LENGTH
          + " characters (e.g. the output of: openssl rand -hex 32)");
    }
    String header = Settings.blankToNull(values.get("GREENDESK_CLIENT_IP_HEADER"));
    if (header != null && !header.matches("[A-Za-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("GREENDESK_CLIENT_IP_HEADER must be a header name, such as X-Forwarded-For: "
          + header);
    }
    return new ApiSettings(token, Settings.number(values, "GREENDESK_RATE_LIMIT", 60, 1, 100_000), header);
  }

  @Override
  public String toString() {
    return "ApiSettings[staffToken=" + (staffToken == null ? "none" : "***") + ", requestsPerMinute="
        + requestsPerMinute + ", clientIpHeader=" + clientIpHeader + "]";
  }
}
