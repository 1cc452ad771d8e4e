package io.multibot.management.notify;

import io.multibot.management.platform.api.WireNames;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a channel's messages go, and which of its secrets it cannot do without. */
public enum ChannelType {
  /** Our JSON body, signed with HMAC-SHA256 ({@code X-Multibot-Signature}). */
  WEBHOOK(List.of("url", "signingSecret")),
  /** A Slack incoming webhook ({@code {"text": ...}}). */
  SLACK(List.of("url")),
  /** A Discord webhook ({@code {"content": ...}}). */
  DISCORD(List.of("url")),
  /** A Microsoft Teams incoming webhook ({@code {"text": ...}}). */
  TEAMS(List.of("url")),
  /** A Telegram bot's {@code sendMessage} to one chat. */
  TELEGRAM(List.of("botToken")),
  /** E-mail over SMTP (STARTTLS, TLS or plain; authenticated when a username is given). */
  EMAIL(List.of());

  private final List<String> requiredSecrets;

  ChannelType(List<String> requiredSecrets) {
    this.requiredSecrets = requiredSecrets;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  List<String> requiredSecrets() {
    return requiredSecrets;
  }

  boolean isWebhook() {
    return this == WEBHOOK || this == SLACK || this == DISCORD || this == TEAMS;
  }

  static Optional<ChannelType> parse(String wire) {
    return WireNames.find(values(), ChannelType::wire, wire);
  }
}
