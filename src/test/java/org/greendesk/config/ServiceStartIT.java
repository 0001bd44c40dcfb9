package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.greendesk.delivery.RecordingDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stops the service at start: one line naming the setting, which {@code serve} prints as it is. */
class ServiceStartIT {
  @TempDir Path data;

  @Test
  void should_stop_with_one_line_naming_the_database_url_when_the_database_cannot_be_reached() {
    Settings settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_DB_URL", "jdbc:postgresql://127.0.0.1:1/greendesk"));

    IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
        () -> Service.start(settings, TestDesk.get(), new RecordingDesk(), Clock.systemUTC()));

    assertThat(e.getMessage()).startsWith("cannot open the database at GREENDESK_DB_URL "
        + "jdbc:postgresql://127.0.0.1:1/greendesk").doesNotContain("\n");
  }

  @Test
  void should_stop_with_one_line_naming_the_http_settings_when_the_port_is_taken() throws Exception {
    Settings first = Settings.from(Map.of("GREENDESK_DATA_DIR", data.resolve("a").toString(),
        "GREENDESK_HTTP_PORT", "0"));
    try (Service running = Service.start(first, TestDesk.get(), new RecordingDesk(), Clock.systemUTC())) {
      Settings second = Settings.from(Map.of("GREENDESK_DATA_DIR", data.resolve("b").toString(),
          "GREENDESK_HTTP_PORT", String.valueOf(running.httpPort())));

      IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
          () -> Service.start(second, TestDesk.get(), new RecordingDesk(), Clock.systemUTC()));

      assertThat(e.getMessage()).contains("GREENDESK_HTTP_PORT").doesNotContain("\n");
    }
  }
}
