package io.multibot.management.risk;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk policy and whether it is armed or tripped (with the figures that tripped it). */
public record RiskPolicyView(
    String name,
    @Schema(description = "The bot's id, when the policy covers one bot") String bot,
    String tag,
    String kind,
    double threshold,
    String action,
    boolean enabled,
    @Schema(description = "armed, tripped or disabled") String state,
    Instant trippedAt,
    @Schema(description = "The figures that tripped it") List<Measure> trippedFigures,
    @Schema(description = "The batch of commands its action sent") String trippedBatch,
    Instant createdAt,
    Instant updatedAt) {

  static RiskPolicyView of(RiskPolicy p) {
    String state = p.isTripped() ? "tripped" : p.isEnabled() ? "armed" : "disabled";
    return new RiskPolicyView(
        p.getName(),
        p.getScopeBot(),
        p.getScopeTag(),
        p.kind().wire(),
        p.getThreshold(),
        p.action().wire(),
        p.isEnabled(),
        state,
        p.getTrippedAt(),
        p.getTrippedFigures() == null ? null : MeasureJson.read(p.getTrippedFigures()),
        p.getTrippedBatch(),
        p.getCreatedAt(),
        p.getUpdatedAt());
  }
}
