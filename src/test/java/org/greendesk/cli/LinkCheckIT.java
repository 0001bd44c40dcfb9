package org.greendesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.greendesk.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source links checked over real HTTP against a small server on 127.0.0.1; nothing leaves the machine. */
class LinkCheckIT {
  @TempDir Path knowledge;
  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final LinkCheck check = new LinkCheck(Duration.ofSeconds(5), 2);

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      seen.add(exchange.getRequestMethod() + " " + path);
      int status = switch (path) {
        case "/rules/ok" -> 200;
        case "/rules/no-head" -> exchange.getRequestMethod().equals("HEAD") ? 405 : 200;
        case "/rules/moved" -> {
          exchange.getResponseHeaders().add("Location", "/rules/ok");
          yield 301;
        }
        default -> 404;
      };
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A port nothing listens on: taken from the system, then let go. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String document(String id, String source, String sources) {
    return "---\nid: " + id + "\ntitle: Rule " + id + "\ncategory: regulation\nsource: " + source + "\n" + sources
        + "---\n# Rule " + id + "\n\nRule " + id + " applies.\n\n## Dates\nFrom 2027.\n";
  }

  private int run() throws Exception {
    return check.run(new KnowledgeLoader().load(knowledge).sourceLinks(), knowledge,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_report_each_broken_link_with_its_file_where_it_is_cited_and_its_status() throws Exception {
    String refused = "http://127.0.0.1:" + closedPort() + "/rules/c";
    write(knowledge, "regulation/a.md", document("a", url("/rules/ok"), "sources:\n  Dates: " + url("/rules/gone")
        + "\n"));
    write(knowledge, "regulation/b.md", document("b", url("/rules/no-head"), ""));
    write(knowledge, "regulation/c.md", document("c", refused, ""));
    write(knowledge, "events/calendar.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        + "UID:expo@test\r\nSUMMARY:Expo\r\nDTSTART;VALUE=DATE:20270601\r\nURL:" + url("/rules/moved")
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

    int exit = run();

    assertThat(exit).isEqualTo(1);
    assertThat(printed()).isEqualTo(String.join(System.lineSeparator(),
        "Links: 5 checked, 2 broken",
        "  regulation/a.md (sources: Dates): 404 " + url("/rules/gone"),
        "  regulation/c.md (source): connection refused " + refused, ""));
  }

  @Test
  void should_fall_back_to_get_when_head_is_refused_and_follow_redirects() throws Exception {
    write(knowledge, "regulation/b.md", document("b", url("/rules/no-head"), "sources:\n  Dates: "
        + url("/rules/moved") + "\n"));

    int exit = run();

    assertThat(exit).isZero();
    assertThat(printed()).startsWith("Links: 2 checked, 0 broken");
    assertThat(seen).contains("HEAD /rules/no-head", "GET /rules/no-head", "HEAD /rules/moved", "HEAD /rules/ok")
        .doesNotContain("GET /rules/moved");
  }

  @Test
  void should_ask_a_url_cited_in_several_places_once() throws Exception {
    write(knowledge, "regulation/a.md", document("a", url("/rules/gone"), ""));
    write(knowledge, "regulation/b.md", document("b", url("/rules/gone"), ""));

    run();

    assertThat(seen).containsExactly("HEAD /rules/gone", "GET /rules/gone");
    assertThat(printed()).contains("Links: 1 checked, 1 broken", "regulation/a.md (source): 404",
        "regulation/b.md (source): 404");
  }

  @Test
  void should_say_offline_in_one_line_and_succeed_when_no_link_can_be_reached() throws Exception {
    int port = closedPort();
    write(knowledge, "regulation/a.md", document("a", "http://127.0.0.1:" + port + "/a", ""));
    write(knowledge, "regulation/b.md", document("b", "http://127.0.0.1:" + port + "/b", ""));

    int exit = run();

    assertThat(exit).isZero();
    assertThat(printed()).isEqualTo(LinkCheck.OFFLINE + System.lineSeparator());
  }
}
