package io.multibot.management.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A risk guard. Armed, it is evaluated against the latest figures; breached, it trips once —
 * recording when and the figures that tripped it, and the batch its action sent — and is not
 * evaluated again until an operator re-arms it. The row version makes the trip happen once even
 * when two replicas see the breach at the same moment.
 */
@Entity
@Table(name = "risk_policy")
public class RiskPolicy {

  @Id
  @Column(length = 64)
  private String name;

  @Column(name = "scope_bot", length = 36)
  private String scopeBot;

  @Column(name = "scope_tag", length = 64)
  private String scopeTag;

  @Column(nullable = false, length = 30)
  private String kind;

  @Column(nullable = false)
  private double threshold;

  @Column(nullable = false, length = 20)
  private String action;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "tripped_at")
  private Instant trippedAt;

  @Column(name = "tripped_figures", length = 4000)
  private String trippedFigures;

  @Column(name = "tripped_batch", length = 36)
  private String trippedBatch;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected RiskPolicy() {}

  RiskPolicy(String name, Instant now) {
    this.name = name;
    this.createdAt = now;
  }

  void define(
      String scopeBot,
      String scopeTag,
      RiskKind kind,
      double threshold,
      RiskAction action,
      boolean enabled,
      Instant now) {
    this.scopeBot = scopeBot;
    this.scopeTag = scopeTag;
    this.kind = kind.wire();
    this.threshold = threshold;
    this.action = action.wire();
    this.enabled = enabled;
    this.updatedAt = now;
  }

  void trip(String figures, String batch, Instant now) {
    this.trippedAt = now;
    this.trippedFigures = figures.length() > 4000 ? figures.substring(0, 4000) : figures;
    this.trippedBatch = batch;
    this.updatedAt = now;
  }

  void rearm(Instant now) {
    this.trippedAt = null;
    this.trippedFigures = null;
    this.trippedBatch = null;
    this.updatedAt = now;
  }

  public String getName() {
    return name;
  }

  String getScopeBot() {
    return scopeBot;
  }

  String getScopeTag() {
    return scopeTag;
  }

  RiskKind kind() {
    return RiskKind.parse(kind).orElseThrow();
  }

  double getThreshold() {
    return threshold;
  }

  RiskAction action() {
    return RiskAction.parse(action).orElseThrow();
  }

  boolean isEnabled() {
    return enabled;
  }

  boolean isTripped() {
    return trippedAt != null;
  }

  Instant getTrippedAt() {
    return trippedAt;
  }

  String getTrippedFigures() {
    return trippedFigures;
  }

  String getTrippedBatch() {
    return trippedBatch;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }

  long getRowVersion() {
    return rowVersion;
  }
}
