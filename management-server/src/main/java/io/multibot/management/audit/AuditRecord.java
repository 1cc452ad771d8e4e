package io.multibot.management.audit;

import java.time.Instant;

/** What one audited request did, before it is stored. */
public record AuditRecord(
    Instant occurredAt,
    String username,
    String role,
    String clientAddress,
    String action,
    String target,
    int outcome,
    String summary) {

  public AuditRecord withOutcome(int status) {
    return new AuditRecord(
        occurredAt, username, role, clientAddress, action, target, status, summary);
  }

  public AuditRecord withTarget(String newTarget) {
    return new AuditRecord(
        occurredAt, username, role, clientAddress, action, newTarget, outcome, summary);
  }
}
