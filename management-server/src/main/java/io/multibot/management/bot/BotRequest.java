package io.multibot.management.bot;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bot as a client writes it, on create and on full update. Unknown fields are refused. Secrets
 * are optional on update: an omitted secret keeps its value, an empty string clears it.
 */
@Schema(
    description = "A bot to create, or its full new state on update",
    example =
        "{\"name\": \"btc-momentum-1\", \"description\": \"BTC momentum on Binance\","
            + " \"tags\": [\"momentum\", \"binance\"],"
            + " \"strategy\": {\"name\": \"SampleStrategy\"}, \"exchange\": \"binance\","
            + " \"stakeCurrency\": \"USDT\", \"stakeAmount\": 100, \"maxOpenTrades\": 3,"
            + " \"timeframe\": \"5m\", \"dryRun\": true,"
            + " \"pairWhitelist\": [\"BTC/USDT\", \"ETH/USDT\"],"
            + " \"config\": {\"dry_run_wallet\": 1000, \"stoploss\": -0.1},"
            + " \"runMode\": \"managed\","
            + " \"secrets\": {\"exchangeKey\": \"...\", \"exchangeSecret\": \"...\"}}")
public record BotRequest(
    @Schema(
            description = "Unique slug: lower-case letters, digits and '-'",
            example = "btc-momentum-1")
        String name,
    String description,
    @Schema(description = "Labels for grouping and bulk commands") List<String> tags,
    StrategyRef strategy,
    @Schema(description = "Exchange id as ccxt names it", example = "binance") String exchange,
    @Schema(example = "USDT") String stakeCurrency,
    @Schema(description = "A positive number, or \"unlimited\"", example = "100")
        JsonValue stakeAmount,
    @Schema(description = "-1 for unlimited", example = "3") Integer maxOpenTrades,
    @Schema(example = "5m") String timeframe,
    @Schema(description = "Trade with simulated money; default true") Boolean dryRun,
    List<String> pairWhitelist,
    @Schema(description = "The rest of the freqtrade config (no secrets, no keys set above)")
        JsonObject config,
    @Schema(description = "managed (the gateway runs it) or external", example = "managed")
        String runMode,
    @Schema(
            description =
                "Managed bots: when the gateway starts it again after it exited on its own:"
                    + " always, on-failure (default) or never",
            example = "on-failure")
        String restartPolicy,
    @Schema(description = "External bots: the freqtrade API base URL") String apiUrl,
    @Schema(description = "External bots: the freqtrade API user") String apiUsername,
    SecretsRequest secrets) {}
