package io.multibot.management.strategy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new strategy: its class name and its first source. */
@Schema(
    description = "A new strategy",
    example =
        "{\"name\": \"SampleStrategy\", \"source\": \"class SampleStrategy(IStrategy):\\n    timeframe = '5m'\\n\"}")
public record CreateStrategyRequest(
    @Schema(description = "The strategy class name", example = "SampleStrategy") String name,
    @Schema(description = "Python source defining that class") String source) {}
