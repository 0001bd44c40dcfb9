package org.greendesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.greendesk.client.ApiClient;
import org.greendesk.client.ApiException;
import org.greendesk.client.api.RestApi;
import org.greendesk.client.model.Answer;
import org.greendesk.client.model.AskRequest;
import org.greendesk.client.model.Event;
import org.greendesk.client.model.EventList;
import org.greendesk.client.model.Question;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API through a client generated from {@code /api/openapi.yaml} at build time (OpenAPI Generator, Java,
 * {@code native}): the description is one a code generator takes, and the service answers as it says, in types.
 */
class ApiClientIT {
  @TempDir static Path data;
  private static Service service;
  private static RestApi api;

  @BeforeAll
  static void serve() throws Exception {
    service = Service.start(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_RATE_LIMIT", "1000")), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://127.0.0.1:" + service.httpPort());
    api = new RestApi(client);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void should_answer_a_request_with_a_typed_answer_echoing_its_id() throws Exception {
    Answer answer = api.ask(new Question(new AskRequest().q("What is CBAM?").id("r1")), 2);

    assertThat(answer.getId()).isEqualTo("r1");
    assertThat(answer.getQuestion()).isEqualTo("What is CBAM?");
    assertThat(answer.getIntent()).isEqualTo(Answer.IntentEnum.REGULATION);
    assertThat(answer.getHandoff()).isNotNull();
    assertThat(answer.getConfidence()).isBetween(0.0, 1.0);
    assertThat(answer.getSources()).hasSizeBetween(1, 2);
    assertThat(answer.getSources().get(0).getId()).isEqualTo("eu-cbam");
    assertThat(answer.getSources().get(0).getTitle()).isNotBlank();
  }

  @Test
  void should_answer_a_bare_question_string() throws Exception {
    Answer answer = api.ask(new Question("What is CBAM?"), null);

    assertThat(answer.getId()).isNull();
    assertThat(answer.getSources()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(answer.getAnswer()).isNotBlank();
  }

  @Test
  void should_list_an_economys_events_from_a_day_soonest_first_as_typed_events() throws Exception {
    EventList korea = api.listEvents("Korea", LocalDate.of(2026, 1, 1), 100);

    assertThat(korea.getFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(korea.getEconomies()).containsExactly("Korea");
    List<Event> events = korea.getEvents();
    assertThat(events).isNotEmpty();
    assertThat(events).extracting(Event::getStarts).isSorted();
    assertThat(events).allSatisfy(event -> {
      assertThat(event.getEnds()).isAfterOrEqualTo(LocalDate.of(2026, 1, 1)).isAfterOrEqualTo(event.getStarts());
      assertThat(event.getEconomies()).containsAnyOf("Korea", "Global");
      assertThat(event.getTitle()).isNotBlank();
    });
  }

  @Test
  void should_refuse_a_bad_request_with_400_and_an_error_naming_the_problem() throws Exception {
    ApiException unknownEconomy = catchThrowableOfType(ApiException.class,
        () -> api.listEvents("Atlantis", null, null));
    ApiException emptyQuestion = catchThrowableOfType(ApiException.class,
        () -> api.ask(new Question(new AskRequest().q("   ")), null));

    assertThat(unknownEconomy.getCode()).isEqualTo(400);
    assertThat(error(unknownEconomy)).contains("unknown economy \"Atlantis\"");
    assertThat(emptyQuestion.getCode()).isEqualTo(400);
    assertThat(error(emptyQuestion)).contains("\"q\" is empty");
  }

  private static String error(ApiException e) throws Exception {
    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    return ApiClient.createDefaultObjectMapper()
        .readValue(e.getResponseBody(), org.greendesk.client.model.Error.class).getError();
  }
}
