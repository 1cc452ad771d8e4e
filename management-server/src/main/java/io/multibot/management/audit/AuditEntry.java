package io.multibot.management.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited request. Entries are only ever inserted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(length = 64, updatable = false)
  private String username;

  @Column(length = 20, updatable = false)
  private String role;

  @Column(name = "client_address", length = 64, updatable = false)
  private String clientAddress;

  @Column(nullable = false, length = 64, updatable = false)
  private String action;

  @Column(length = 500, updatable = false)
  private String target;

  @Column(nullable = false, updatable = false)
  private int outcome;

  @Column(length = 4000, updatable = false)
  private String summary;

  protected AuditEntry() {}

  public AuditEntry(AuditRecord record) {
    this.occurredAt = record.occurredAt();
    this.username = cut(record.username(), 64);
    this.role = cut(record.role(), 20);
    this.clientAddress = cut(record.clientAddress(), 64);
    this.action = cut(record.action(), 64);
    this.target = cut(record.target(), 500);
    this.outcome = record.outcome();
    this.summary = cut(record.summary(), 4000);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  AuditView view() {
    return new AuditView(
        id, occurredAt, username, role, clientAddress, action, target, outcome, summary);
  }
}
