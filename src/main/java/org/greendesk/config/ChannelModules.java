package org.greendesk.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.greendesk.channel.ChannelModule;
import org.greendesk.channel.line.LineModule;
import org.greendesk.channel.telegram.TelegramModule;

/** The channels that plug in as modules: adding one is adding its line here, and nothing else in the centre. */
final class ChannelModules {
  private static final List<ChannelModule> ALL = List.of(
      new TelegramModule(),
      new LineModule());

  private ChannelModules() {}

  /** Every setting the modules read. */
  static Set<String> settingNames() {
    return ALL.stream().flatMap(module -> module.settingNames().stream()).collect(Collectors.toUnmodifiableSet());
  }

  /** The modules whose settings are present, checked, in the order of the registrations. */
  static List<ChannelModule.Configured> configure(Map<String, String> values) {
    return ALL.stream().flatMap(module -> module.configure(values).stream()).toList();
  }
}
