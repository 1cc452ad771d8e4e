package io.multibot.management.strategy;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A freqtrade strategy by its class name. Its sources live in {@link StrategyVersion}s; updating a
 * strategy adds a version and never changes an old one.
 */
@Entity
@Table(name = "strategy")
@NamedQuery(name = "Strategy.byName", query = "select s from Strategy s where s.name = :name")
@NamedQuery(name = "Strategy.all", query = "select s from Strategy s order by s.name")
@NamedQuery(name = "Strategy.count", query = "select count(s) from Strategy s")
public class Strategy {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String name;

  @Column(name = "latest_version", nullable = false)
  private int latestVersion;

  @Column(name = "latest_sha256", length = 64)
  private String latestSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  @OneToMany(mappedBy = "strategy", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("version")
  private List<StrategyVersion> versions = new ArrayList<>();

  protected Strategy() {}

  public Strategy(String name, Instant now) {
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Adds the next version with this source and returns it. */
  public StrategyVersion addVersion(StrategySource source, String author, Instant now) {
    latestVersion++;
    updatedAt = now;
    latestSha256 = source.sha256();
    StrategyVersion version = new StrategyVersion(this, latestVersion, source, author, now);
    versions.add(version);
    return version;
  }

  public String getName() {
    return name;
  }

  public int getLatestVersion() {
    return latestVersion;
  }

  public String getLatestSha256() {
    return latestSha256;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getRowVersion() {
    return rowVersion;
  }

  public List<StrategyVersion> getVersions() {
    return List.copyOf(versions);
  }
}
