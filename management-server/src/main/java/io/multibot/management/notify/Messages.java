package io.multibot.management.notify;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObjectBuilder;

/** How an alert reads on each kind of channel. */
final class Messages {

  /** Discord refuses content longer than 2,000 characters; Telegram 4,096. */
  private static final int CHAT_LIMIT = 1_900;

  private Messages() {}

  /** The plain text of a chat message or mail body. */
  static String text(Delivery delivery) {
    Alert alert = delivery.alert();
    StringBuilder text = new StringBuilder(alert.headline());
    if (alert.text() != null && !alert.text().isEmpty()) {
      text.append('\n').append(alert.text());
    }
    if (delivery.getDuplicates() > 0) {
      text.append("\n(").append(delivery.getDuplicates()).append(" more like it since)");
    }
    text.append("\nat ").append(alert.at());
    return text.length() > CHAT_LIMIT ? text.substring(0, CHAT_LIMIT) + "…" : text.toString();
  }

  /** The body for this channel type (JSON for every HTTP channel). */
  static String body(ChannelConfig channel, Delivery delivery) {
    return switch (channel.type()) {
      case WEBHOOK -> webhook(delivery);
      case DISCORD -> Jsons.createObjectBuilder().add("content", text(delivery)).build().toString();
      case TELEGRAM ->
          Jsons.createObjectBuilder()
              .add("chat_id", channel.settings().chatId())
              .add("text", text(delivery))
              .add("disable_web_page_preview", true)
              .build()
              .toString();
      default -> Jsons.createObjectBuilder().add("text", text(delivery)).build().toString();
    };
  }

  /**
   * Our webhook body: the alert's fields, the delivery id (the same on every retry, so a receiver
   * can drop what it has already seen: delivery is at least once) and the duplicates counted.
   */
  private static String webhook(Delivery delivery) {
    Alert alert = delivery.alert();
    JsonObjectBuilder json =
        Jsons.createObjectBuilder()
            .add("id", delivery.getId())
            .add("event", alert.type().wire())
            .add("severity", alert.severity().wire())
            .add("subject", alert.subject())
            .add("text", alert.text() == null ? "" : alert.text())
            .add("occurredAt", alert.at().toString())
            .add("resolved", alert.type().resolves().isPresent())
            .add("duplicates", delivery.getDuplicates());
    if (alert.botId() != null) {
      json.add("botId", alert.botId());
    }
    if (delivery.getRuleName() != null) {
      json.add("rule", delivery.getRuleName());
    }
    return json.build().toString();
  }
}
