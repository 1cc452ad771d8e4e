package io.multibot.management.status;

import io.multibot.common.status.BotPoll;
import io.multibot.common.status.BotState;
import io.multibot.common.status.StatusMessage;
import io.multibot.common.stream.StreamNames;
import io.multibot.management.testing.SignedStreams;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * Status polls written to the status stream as a gateway writes them (signed with the servers'
 * key), for tests that need bots with figures without running bots.
 */
public final class StatusReports implements AutoCloseable {

  private final SignedStreams streams = new SignedStreams();

  /** A running bot that answered with this profit (closed and all) and no open trade. */
  public void profit(String botId, double profit) {
    BotPoll poll =
        new BotPoll(
            null,
            null,
            new BotPoll.Shown(BotState.RUNNING, "S", "binance", "USDT", 3, null),
            JsonValue.EMPTY_JSON_ARRAY,
            new BotPoll.Profit(profit, profit, 1, 1, profit > 0 ? 1 : 0, profit > 0 ? 0 : 1),
            new BotPoll.Balance(1000 + profit, 1000),
            null,
            null);
    streams.add(
        StreamNames::status, StatusMessage.poll(botId, "gw-sort", Instant.now(), poll).toFields());
  }

  @Override
  public void close() {
    streams.close();
  }
}
