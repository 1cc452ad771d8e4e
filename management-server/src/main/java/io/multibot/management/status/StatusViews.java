package io.multibot.management.status;

import jakarta.json.JsonArray;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of a bot's live views other than its status, typed for the API document. */
final class StatusViews {

  private StatusViews() {}

  /** {@code GET /bots/{bot}/trades}: as freqtrade's {@code /status} and {@code /trades} report. */
  @Schema(name = "BotTrades", description = "Open and latest closed trades, as of the last polls")
  public record Trades(
      @Schema(description = "freqtrade's open trades (its /status objects)", required = true)
          JsonArray open,
      @Schema(
              description = "freqtrade's latest closed trades (its /trades objects)",
              required = true)
          JsonArray closed) {}

  /** {@code GET /bots/{bot}/logs}: freqtrade's log entries. */
  @Schema(name = "BotLogs", description = "The tail of the bot's log, oldest first")
  public record Logs(
      @Schema(
              description = "freqtrade's /logs entries: [date, timestamp, logger, level, message]",
              required = true)
          JsonArray lines) {}

  /** One point of a bot's profit history. */
  @Schema(name = "ProfitPoint")
  public record Point(
      @Schema(required = true, example = "2026-11-29T12:00:00Z") String at,
      Double profitClosed,
      Double profitAll,
      Double balance,
      Integer openTrades) {}

  /** {@code GET /bots/{bot}/profit/history}. */
  @Schema(name = "ProfitHistory", description = "Recorded points since an instant, oldest first")
  public record History(
      @Schema(required = true, example = "2026-11-28T12:00:00Z") String since,
      @Schema(required = true) List<Point> points) {}
}
