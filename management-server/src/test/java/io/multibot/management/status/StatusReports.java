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

  /**
   * A running bot holding one open trade of {@code amount} of {@code pair}, priced at {@code rate}.
   */
  public void holding(String botId, String pair, double amount, double rate) {
    BotPoll poll =
        new BotPoll(
            null,
            null,
            new BotPoll.Shown(BotState.RUNNING, "S", "binance", "USDT", 3, null),
            jakarta.json.Json.createArrayBuilder()
                .add(
                    jakarta.json.Json.createObjectBuilder()
                        .add("trade_id", 1)
                        .add("pair", pair)
                        .add("amount", amount)
                        .add("stake_amount", amount * rate)
                        .add("open_rate", rate)
                        .add("current_rate", rate))
                .build(),
            new BotPoll.Profit(0, 0, 1, 0, 0, 0),
            new BotPoll.Balance(1000, 1000),
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
