package io.multibot.management.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A test-only entity that exercises what the real ones will need from either database: text,
 * money-like decimals, timestamps and optimistic locking.
 */
@Entity
@Table(name = "multibot_it_probe")
public class ProbeRecord {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(precision = 24, scale = 8)
  private BigDecimal amount;

  @Column(nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected ProbeRecord() {}

  public ProbeRecord(String id, String name, BigDecimal amount, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.amount = amount;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void rename(String newName) {
    this.name = newName;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
