package io.multibot.management.bot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which strategy a bot runs: a stored strategy's name and a pinned version, or none to follow the
 * latest.
 */
@Schema(description = "The strategy a bot runs")
public record StrategyRef(
    @Schema(example = "SampleStrategy") String name,
    @Schema(description = "Pinned version; omit to follow the latest", example = "2")
        Integer version) {}
