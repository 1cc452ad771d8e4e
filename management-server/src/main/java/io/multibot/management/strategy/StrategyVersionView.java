package io.multibot.management.strategy;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a strategy, without its source. */
@Schema(description = "One version of a strategy")
public record StrategyVersionView(
    @Schema(example = "2") int version,
    String sha256,
    @Schema(example = "4096") int sizeBytes,
    Instant createdAt,
    String createdBy) {

  static StrategyVersionView of(StrategyVersion version) {
    return new StrategyVersionView(
        version.getVersion(),
        version.getSha256(),
        version.getSizeBytes(),
        version.getCreatedAt(),
        version.getCreatedBy());
  }
}
