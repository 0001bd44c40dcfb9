package org.greendesk.channel.line;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greendesk.channel.ChannelModule;
import org.greendesk.channel.SettingValues;
import org.greendesk.conversation.Desk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.web.WebRoutes;

/**
 * The LINE channel as the service starts it: {@code LINE_CHANNEL_SECRET} and {@code LINE_CHANNEL_ACCESS_TOKEN}
 * (both from the channel's page in the LINE Developers console) enable it; {@code LINE_API_URL} points the client
 * at another Messaging API server (a local fake in tests). LINE posts to {@code POST /line/webhook}, the address set
 * in the console.
 */
public final class LineModule implements ChannelModule {
  static final String SECRET = "LINE_CHANNEL_SECRET";
  static final String TOKEN = "LINE_CHANNEL_ACCESS_TOKEN";
  static final String API_URL = "LINE_API_URL";
  static final String DEFAULT_API_URL = "https://api.line.me/";

  @Override
  public Set<String> settingNames() {
    return Set.of(SECRET, TOKEN, API_URL);
  }

  @Override
  public Optional<Configured> configure(Map<String, String> values) {
    String secret = SettingValues.text(values, SECRET);
    String token = SettingValues.text(values, TOKEN);
    URI apiUrl = httpUrl(Optional.ofNullable(SettingValues.text(values, API_URL)).orElse(DEFAULT_API_URL));
    if (secret == null && token == null) {
      return Optional.empty();
    }
    if (token == null) {
      throw new IllegalArgumentException(SECRET + " is set without " + TOKEN + ": LINE's messages cannot be sent "
          + "without it (Messaging API > Channel access token in the LINE Developers console)");
    }
    if (secret == null) {
      // Without the secret a webhook request cannot be told from a forged one.
      throw new IllegalArgumentException(TOKEN + " is set without " + SECRET + ": LINE's webhook requests cannot "
          + "be verified without it (Basic settings > Channel secret in the LINE Developers console)");
    }
    return Optional.of(new LineSettings(secret, token, apiUrl));
  }

  /** The API's base URL, ending in {@code /}: the client resolves {@code v2/bot/...} against it. */
  private static URI httpUrl(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url : url + "/");
      if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
        throw new URISyntaxException(url, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(API_URL + " must be an http(s) URL: " + url, e);
    }
  }

  /** The checked settings; the secret and the token never appear in {@code toString}. */
  record LineSettings(String secret, String token, URI apiUrl) implements Configured {
    @Override
    public Running open(Context context) {
      MessagingApiClient client = MessagingApiClient.builder(token).apiEndPoint(apiUrl)
          .usingDefaultLogger(false).build();
      return new Line(this, new LineChannel(client, context.messages()), context);
    }

    @Override
    public String toString() {
      return "LINE[secret=***, token=***, apiUrl=" + apiUrl + "]";
    }
  }

  /** The running channel: sends from the start, receives once connected to the desk. */
  private record Line(LineSettings settings, LineChannel lineChannel, Context context) implements Running {
    @Override
    public Optional<CustomerChannel> channel() {
      return Optional.of(lineChannel);
    }

    @Override
    public Optional<WebRoutes> connect(Desk desk) {
      LineEvents events = new LineEvents(desk, lineChannel::acknowledge);
      return Optional.of(new LineWebhook(settings.secret(), events, context.lanes()));
    }

    @Override
    public String describe() {
      return "LINE (POST " + LineWebhook.PATH + ")";
    }

    @Override
    public void close() {
      // The client's connections are OkHttp's daemon threads, released when idle; the webhook stops with the server.
    }
  }
}
