package org.greendesk.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * The staff token of {@code GREENDESK_API_TOKEN}, checked as {@code Authorization: Bearer TOKEN}. Without the
 * setting, staff endpoints do not exist (404 saying how to enable them). The comparison takes the same time
 * whatever the token given, so that it cannot be found a character at a time.
 */
final class StaffToken {
  private final byte @Nullable [] expected;

  StaffToken(@Nullable String token) {
    this.expected = token == null ? null : digest(token);
  }

  /** @throws io.javalin.http.HttpResponseException 404 when staff endpoints are off, 401 for a wrong token */
  void require(Context ctx) {
    if (expected == null) {
      throw new NotFoundResponse("staff endpoints are off: set GREENDESK_API_TOKEN to enable them, then send "
          + "Authorization: Bearer <token>");
    }
    String header = ctx.header("Authorization");
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
    // Digests of equal length: MessageDigest.isEqual would otherwise return at once on a length mismatch.
    if (!MessageDigest.isEqual(expected, digest(given))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"greendesk\"");
      throw new UnauthorizedResponse("missing or wrong staff token: send Authorization: Bearer <GREENDESK_API_TOKEN>");
    }
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
