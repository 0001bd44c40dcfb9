package org.greendesk.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** A file from the jar's resources, read once and served as is with its content type and headers. */
public final class StaticFile implements Handler {
  private final byte[] bytes;
  private final String contentType;
  private final Map<String, String> headers;

  /** @throws IllegalStateException when the jar lacks the resource (a broken build) */
  public StaticFile(String resource, String contentType, Map<String, String> headers) {
    try (InputStream in = StaticFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      this.bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
    this.contentType = contentType;
    this.headers = Map.copyOf(headers);
  }

  @Override
  public void handle(Context ctx) {
    // Revalidated rather than kept: the page changes with each release, and it is small.
    ctx.header("Cache-Control", "no-cache");
    headers.forEach(ctx::header);
    ctx.header("X-Content-Type-Options", "nosniff").contentType(contentType).result(bytes);
  }
}
