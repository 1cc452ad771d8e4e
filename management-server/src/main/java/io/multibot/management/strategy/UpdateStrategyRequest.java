package io.multibot.management.strategy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new source for an existing strategy; it becomes the next version. */
@Schema(description = "A new version of a strategy's source")
public record UpdateStrategyRequest(
    @Schema(description = "Python source defining the strategy class") String source) {}
