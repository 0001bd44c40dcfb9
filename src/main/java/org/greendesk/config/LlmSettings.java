package org.greendesk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional language model: {@code GREENDESK_LLM_PROVIDER} ({@code none} or {@code openai}, for any
 * OpenAI-compatible server), {@code GREENDESK_LLM_BASE_URL}, {@code GREENDESK_LLM_MODEL}, {@code
 * GREENDESK_LLM_API_KEY} (never in {@code toString}), {@code GREENDESK_LLM_TIMEOUT_SECONDS} (default 20) and
 * {@code GREENDESK_LLM_MAX_CONCURRENT} (default 4).
 *
 * @param baseUrl the API root, e.g. {@code http://127.0.0.1:11434/v1}; set when the provider is not none
 * @param model set when the provider is not none
 */
public record LlmSettings(Provider provider, @Nullable URI baseUrl, @Nullable String model, @Nullable String apiKey,
    Duration timeout, int maxConcurrent) {

  /** Who serves the model. */
  public enum Provider { NONE, OPENAI }

  public LlmSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(timeout, "timeout");
    if (provider != Provider.NONE && (baseUrl == null || model == null)) {
      throw new IllegalArgumentException("a language model needs a base URL and a model name");
    }
  }

  public boolean enabled() {
    return provider != Provider.NONE;
  }

  /**
   * Reads the {@code GREENDESK_LLM_*} values.
   *
   * @throws IllegalArgumentException naming the setting that is missing or wrong
   */
  static LlmSettings from(Map<String, String> values) {
    String name = value(values, "GREENDESK_LLM_PROVIDER", "none").toLowerCase(Locale.ROOT);
    Provider provider = switch (name) {
      case "none" -> Provider.NONE;
      case "openai" -> Provider.OPENAI;
      default -> throw new IllegalArgumentException("GREENDESK_LLM_PROVIDER must be none or openai: " + name);
    };
    int timeout = Settings.number(values, "GREENDESK_LLM_TIMEOUT_SECONDS", 20, 1, 600);
    int concurrent = Settings.number(values, "GREENDESK_LLM_MAX_CONCURRENT", 4, 1, 64);
    if (provider == Provider.NONE) {
      return new LlmSettings(provider, null, null, null, Duration.ofSeconds(timeout), concurrent);
    }
    String url = value(values, "GREENDESK_LLM_BASE_URL", "");
    String model = value(values, "GREENDESK_LLM_MODEL", "");
    if (url.isEmpty()) {
      throw new IllegalArgumentException("GREENDESK_LLM_BASE_URL must be set when GREENDESK_LLM_PROVIDER=openai "
          + "(for example http://127.0.0.1:11434/v1)");
    }
    if (model.isEmpty()) {
      throw new IllegalArgumentException("GREENDESK_LLM_MODEL must be set when GREENDESK_LLM_PROVIDER=openai");
    }
    String key = value(values, "GREENDESK_LLM_API_KEY", "");
    return new LlmSettings(provider, baseUrl(url), model, key.isEmpty() ? null : key, Duration.ofSeconds(timeout),
        concurrent);
  }

  private static URI baseUrl(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
        throw new URISyntaxException(url, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("GREENDESK_LLM_BASE_URL must be an http(s) URL: " + url, e);
    }
  }



  private static String value(Map<String, String> values, String name, String fallback) {
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  @Override
  public String toString() {
    return "LlmSettings[provider=" + provider.name().toLowerCase(Locale.ROOT) + ", baseUrl=" + baseUrl + ", model="
        + model + ", apiKey=" + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + ", maxConcurrent="
        + maxConcurrent + "]";
  }
}
