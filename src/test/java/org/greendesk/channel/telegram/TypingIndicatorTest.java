package org.greendesk.channel.telegram;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.generics.TelegramClient;

class TypingIndicatorTest {
  private final TelegramClient client = mock(TelegramClient.class);
  private TypingIndicator typing;

  @AfterEach
  void stop() {
    typing.close();
  }

  @Test
  void should_not_show_typing_for_an_answer_ready_before_the_delay() throws Exception {
    // given
    when(client.executeAsync(any(SendChatAction.class))).thenReturn(CompletableFuture.completedFuture(true));
    typing = new TypingIndicator(client, Duration.ofMillis(50));

    // when the work in chat 42 is done at once, and the work in chat 43, started after it, goes on
    typing.start("42").close();
    try (TypingIndicator.Work later = typing.start("43")) {
      // then 43's hint shows, which comes after 42's would have...
      verify(client, timeout(5_000)).executeAsync(ArgumentMatchers.<SendChatAction>argThat(
          action -> action.getChatId().equals("43")));
    }
    // ...and 42 was shown none
    verify(client, never()).executeAsync(ArgumentMatchers.<SendChatAction>argThat(
        action -> action.getChatId().equals("42")));
  }

  @Test
  void should_show_typing_when_the_answer_takes_longer_than_the_delay() throws Exception {
    // given
    when(client.executeAsync(any(SendChatAction.class))).thenReturn(CompletableFuture.completedFuture(true));
    typing = new TypingIndicator(client, Duration.ofMillis(50));

    // when the work goes on
    try (TypingIndicator.Work work = typing.start("42")) {
      // then
      verify(client, timeout(5_000)).executeAsync(any(SendChatAction.class));
    }
  }
}
