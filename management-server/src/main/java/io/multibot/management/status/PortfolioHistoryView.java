package io.multibot.management.status;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /portfolio/history}: the portfolio's figures over time, per stake currency. */
@Schema(
    name = "PortfolioHistory",
    description =
        "Each stake currency's summed profit and balance at every step from since to until; a bot"
            + " counts from its first recorded point and keeps its last figures while silent")
public record PortfolioHistoryView(
    @Schema(required = true, example = "2026-12-03T10:00:00Z") String since,
    @Schema(required = true, example = "2026-12-04T10:00:00Z") String until,
    @Schema(required = true, example = "PT8M") String step,
    @Schema(required = true) List<EquityHistory.Series> currencies) {}
