package io.multibot.management.notify;

import java.time.Instant;
import java.util.List;

/** A notification rule as the API shows it. */
public record RuleView(
    String name,
    boolean enabled,
    List<String> events,
    List<String> bots,
    List<String> tags,
    String minSeverity,
    List<String> channels,
    String dedupWindow,
    RuleRequest.QuietHoursRequest quietHours,
    boolean sendResolved,
    double tradeLossPercent,
    Instant createdAt,
    Instant updatedAt) {

  static RuleView of(NotificationRule rule) {
    RuleDefinition d = rule.definition();
    QuietHours q = d.quietHours();
    return new RuleView(
        rule.getName(),
        rule.isEnabled(),
        d.events().stream().map(AlertType::wire).sorted().toList(),
        d.bots(),
        d.tags(),
        d.minSeverity().wire(),
        d.channels(),
        d.dedupWindow().toString(),
        q == null
            ? null
            : new RuleRequest.QuietHoursRequest(
                q.from().toString(), q.to().toString(), q.zone().getId()),
        d.sendResolved(),
        d.tradeLossPercent(),
        rule.getCreatedAt(),
        rule.getUpdatedAt());
  }
}
