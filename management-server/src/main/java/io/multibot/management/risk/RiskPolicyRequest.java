package io.multibot.management.risk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk policy as an operator writes it. */
@Schema(
    description = "A risk policy to create or replace",
    example =
        "{\"name\": \"alts-drawdown\", \"tag\": \"alts\", \"kind\": \"max-drawdown-percent\","
            + " \"threshold\": 10, \"action\": \"pause\"}")
public record RiskPolicyRequest(
    @Schema(description = "Unique; letters, digits, '.', '_' or '-'; cannot change") String name,
    @Schema(description = "One bot (id or name); or give tag; neither is the whole fleet")
        String bot,
    @Schema(description = "The bots with this tag") String tag,
    @Schema(
            description =
                "max-drawdown-percent, max-drawdown (stake currency), daily-loss (stake currency,"
                    + " realised since 00:00 UTC), max-asset-exposure (what the open trades in"
                    + " one asset are worth now, per stake currency), max-open-trades,"
                    + " offline-with-positions (minutes), missed-polls")
        String kind,
    @Schema(description = "Breached when the figure reaches it; greater than 0") Double threshold,
    @Schema(description = "notify, pause, stop, emergency-stop or emergency-exit") String action,
    @Schema(description = "Default true") Boolean enabled) {}
