package io.multibot.management.notify;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;

/** The {@code /deliveries} filters: channel, rule, status, alert type, bot. */
record DeliveryFilter(
    String channel, String rule, DeliveryStatus status, String event, String botId) {

  String where() {
    List<String> terms = new ArrayList<>();
    if (channel != null) {
      terms.add("d.channel = :channel");
    }
    if (rule != null) {
      terms.add("d.ruleName = :rule");
    }
    if (status != null) {
      terms.add("d.status = :status");
    }
    if (event != null) {
      terms.add("d.eventType = :event");
    }
    if (botId != null) {
      terms.add("d.botId = :botId");
    }
    return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
  }

  void bind(TypedQuery<?> query) {
    if (channel != null) {
      query.setParameter("channel", channel);
    }
    if (rule != null) {
      query.setParameter("rule", rule);
    }
    if (status != null) {
      query.setParameter("status", status);
    }
    if (event != null) {
      query.setParameter("event", event);
    }
    if (botId != null) {
      query.setParameter("botId", botId);
    }
  }
}
