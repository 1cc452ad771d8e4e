package io.multibot.management.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Which alerts go to which channels; its definition is kept as one JSON value. */
@Entity
@Table(name = "notification_rule")
public class NotificationRule {

  @Id
  @Column(length = 64)
  private String name;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false, length = 8000)
  private String definition;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected NotificationRule() {}

  NotificationRule(String name, Instant now) {
    this.name = name;
    this.createdAt = now;
  }

  void define(boolean enabled, RuleDefinition definition, Instant now) {
    this.enabled = enabled;
    this.definition = RuleJson.write(definition);
    this.updatedAt = now;
  }

  public String getName() {
    return name;
  }

  boolean isEnabled() {
    return enabled;
  }

  RuleDefinition definition() {
    return RuleJson.read(definition);
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
