package io.multibot.management.notify;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification rule as an admin writes it. */
@Schema(
    description = "A notification rule to create or replace",
    example =
        "{\"name\": \"crashes\", \"events\": [\"bot.crashed\", \"bot.went-offline\"],"
            + " \"tags\": [\"prod\"], \"channels\": [\"ops-slack\"]}")
public record RuleRequest(
    @Schema(description = "Unique; letters, digits, '.', '_' or '-'; cannot change") String name,
    @Schema(description = "Default true") Boolean enabled,
    @Schema(description = "Alert types (GET /notifications/events lists them)") List<String> events,
    @Schema(description = "Bots by id or name; with tags empty too, the whole fleet")
        List<String> bots,
    @Schema(description = "Bots with any of these tags") List<String> tags,
    @Schema(description = "info (default), warning or critical") String minSeverity,
    @Schema(description = "Channel names, at least one") List<String> channels,
    @Schema(description = "ISO-8601 duration, default PT10M; PT0S sends every alert")
        String dedupWindow,
    QuietHoursRequest quietHours,
    @Schema(
            description =
                "Also send the resolution (bot.recovered after bot.went-offline); default true")
        Boolean sendResolved,
    @Schema(
            description =
                "For trade.closed-with-loss: only trades that lost at least this percentage of"
                    + " their stake (0 to 100); default 0, every losing trade",
            example = "5")
        Double tradeLossPercent) {

  /** Daily hours when messages below critical wait until the period ends. */
  public record QuietHoursRequest(
      @Schema(description = "HH:mm", example = "22:00") String from,
      @Schema(description = "HH:mm", example = "07:00") String to,
      @Schema(description = "IANA zone, default UTC", example = "Europe/Berlin") String zone) {}
}
