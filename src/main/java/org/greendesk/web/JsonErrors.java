package org.greendesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors, met before a request reaches the routes (a malformed URI, a URI or headers too large), as
 * the same JSON as every other error: {@code {"error": "..."}}, never an HTML page.
 */
final class JsonErrors extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
    int status = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    String text = message == null ? HttpStatus.getMessage(status) : message.toString();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    byte[] body = JSON.writeValueAsBytes(Map.of("error", text));
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
