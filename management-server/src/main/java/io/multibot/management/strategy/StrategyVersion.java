package io.multibot.management.strategy;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable source of a strategy, numbered from 1, with its SHA-256 for integrity checks. */
@Entity
@Table(name = "strategy_version")
@NamedQuery(
    name = "StrategyVersion.byNameAndVersion",
    query =
        "select v from StrategyVersion v where v.strategy.name = :name and v.version = :version")
public class StrategyVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "strategy_id", nullable = false)
  private Strategy strategy;

  @Column(nullable = false)
  private int version;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private String source;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private int sizeBytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 100)
  private String createdBy;

  protected StrategyVersion() {}

  StrategyVersion(
      Strategy strategy, int version, StrategySource source, String author, Instant now) {
    this.strategy = strategy;
    this.version = version;
    this.source = source.text();
    this.sha256 = source.sha256();
    this.sizeBytes = source.sizeBytes();
    this.createdBy = author;
    this.createdAt = now;
  }

  public String getStrategyName() {
    return strategy.getName();
  }

  public int getVersion() {
    return version;
  }

  public String getSource() {
    return source;
  }

  public String getSha256() {
    return sha256;
  }

  public int getSizeBytes() {
    return sizeBytes;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
