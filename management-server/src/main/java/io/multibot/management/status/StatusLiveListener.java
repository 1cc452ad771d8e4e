package io.multibot.management.status;

import io.multibot.common.json.Jsons;
import io.multibot.management.live.LiveEvent;
import io.multibot.management.live.LiveEvents;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * Turns every stored change of a bot's status into a {@code status} live event, sent after the
 * transaction commits ({@link LiveEvents}). One place for every writer of the row: polls, process
 * events, silence.
 */
public class StatusLiveListener {

  @PostPersist
  @PostUpdate
  void changed(BotStatusRecord status) {
    PollFigures shown = status.figures();
    JsonObjectBuilder data =
        Jsons.createObjectBuilder()
            .add("botId", status.getBotId())
            .add("state", status.getState().wire())
            .add("reachable", status.isReachable())
            .add("missedPolls", status.getMissedPolls());
    number(data, "openTrades", shown.openTrades());
    number(data, "maxOpenTrades", shown.maxOpenTrades());
    number(data, "profitClosed", shown.profitClosed());
    number(data, "profitAll", shown.profitAll());
    number(data, "balance", shown.balance());
    text(data, "stakeCurrency", status.getStakeCurrency());
    text(data, "gateway", status.getGateway());
    text(
        data,
        "lastSeenAt",
        status.getLastSeenAt() == null ? null : status.getLastSeenAt().toString());
    text(data, "lastError", status.getLastError());
    LiveEvents.current().afterCommit(new LiveEvent(LiveEvent.STATUS, data.build()));
  }

  private static void number(JsonObjectBuilder data, String name, Number value) {
    if (value instanceof Integer whole) {
      data.add(name, whole);
    } else if (value != null && Double.isFinite(value.doubleValue())) {
      data.add(name, value.doubleValue());
    }
  }

  private static void text(JsonObjectBuilder data, String name, String value) {
    if (value != null) {
      data.add(name, value);
    }
  }
}
