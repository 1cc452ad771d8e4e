package io.multibot.management.notify;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message for one channel and what became of it. */
public record DeliveryView(
    String id,
    String channel,
    @Schema(description = "The rule that sent it; absent for a channel test") String rule,
    String event,
    String severity,
    String botId,
    String subject,
    String text,
    @Schema(description = "pending, retrying, sent or failed") String status,
    int attempts,
    @Schema(description = "Alerts like it within the rule's window, counted instead of sent")
        int duplicates,
    Instant createdAt,
    @Schema(description = "When it is tried next (pending or retrying)") Instant nextAttemptAt,
    Instant lastAttemptAt,
    Instant sentAt,
    @Schema(description = "What the channel answered last (status and the start of its body)")
        String answer) {

  static DeliveryView of(Delivery d) {
    return new DeliveryView(
        d.getId(),
        d.getChannel(),
        d.getRuleName(),
        d.getEventType(),
        d.getSeverity(),
        d.getBotId(),
        d.getSubject(),
        d.alert().text(),
        d.getStatus().wire(),
        d.getAttempts(),
        d.getDuplicates(),
        d.getCreatedAt(),
        d.getNextAttemptAt(),
        d.getLastAttemptAt(),
        d.getSentAt(),
        d.getAnswer());
  }
}
