package io.multibot.management.strategy;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A strategy as the API shows it; sources are downloaded separately. */
@Schema(description = "A stored strategy")
public record StrategyView(
    @Schema(example = "SampleStrategy") String name,
    @Schema(description = "Number of the newest version", example = "3") int latestVersion,
    @Schema(description = "SHA-256 of the newest source") String latestSha256,
    Instant createdAt,
    Instant updatedAt) {

  static StrategyView of(Strategy strategy) {
    return new StrategyView(
        strategy.getName(),
        strategy.getLatestVersion(),
        strategy.getLatestSha256(),
        strategy.getCreatedAt(),
        strategy.getUpdatedAt());
  }
}
