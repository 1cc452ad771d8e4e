package io.multibot.management.bot;

import io.multibot.common.status.BotState;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registered freqtrade bot. The freqtrade settings Multibot works with have columns; the rest of
 * the bot's freqtrade config is kept as JSON. Secrets are stored only encrypted.
 */
@Entity
@Table(name = "bot")
public class Bot {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(length = 1000)
  private String description;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "bot_tag", joinColumns = @JoinColumn(name = "bot_id"))
  @Column(name = "tag", length = 50)
  private Set<String> tags = new TreeSet<>();

  @Embedded private BotSettings settings;

  @Enumerated(EnumType.STRING)
  @Column(name = "run_mode", nullable = false, length = 10)
  private RunMode runMode;

  /** Managed bots: {@code always}, {@code on-failure} or {@code never}. */
  @Column(name = "restart_policy", nullable = false, length = 12)
  private String restartPolicy = BotRules.DEFAULT_RESTART_POLICY;

  @Column(name = "api_url", length = 500)
  private String apiUrl;

  @Column(name = "api_username", length = 100)
  private String apiUsername;

  @Embedded private BotSecrets secrets = new BotSecrets();

  @Enumerated(EnumType.STRING)
  @Column(name = "desired_state", nullable = false, length = 20)
  private BotState desiredState = BotState.STOPPED;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_known_state", nullable = false, length = 20)
  private BotState lastKnownState = BotState.UNKNOWN;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Bot() {}

  public Bot(String id, Instant now) {
    this.id = id;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Replaces everything a client may set, except secrets (see {@link #getSecrets()}). */
  void describe(BotDefinition definition, Instant now) {
    this.name = definition.name();
    this.description = definition.description();
    this.tags = new TreeSet<>(definition.tags());
    this.settings = definition.settings();
    this.runMode = definition.runMode();
    this.restartPolicy = definition.restartPolicy();
    this.apiUrl = definition.apiUrl();
    this.apiUsername = definition.apiUsername();
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public Set<String> getTags() {
    return Set.copyOf(tags);
  }

  public BotSettings getSettings() {
    return settings;
  }

  public String getRestartPolicy() {
    return restartPolicy;
  }

  public RunMode getRunMode() {
    return runMode;
  }

  public String getApiUrl() {
    return apiUrl;
  }

  public String getApiUsername() {
    return apiUsername;
  }

  /** JPA loads an embeddable whose columns are all null as null: a bot without secrets. */
  /**
   * The secrets, to read. A bot without any has a {@code null} embeddable; reading must not replace
   * it with an empty one, or every read would make the row dirty and rewrite it (bumping its
   * version and colliding with concurrent readers). {@code BotTest} and {@code CommandRaceIT} would
   * catch it.
   */
  BotSecrets getSecrets() {
    return secrets == null ? new BotSecrets() : secrets;
  }

  /** The secrets, to change: creates the embeddable on the first secret set. */
  BotSecrets secretsToWrite() {
    if (secrets == null) {
      secrets = new BotSecrets();
    }
    return secrets;
  }

  public BotState getDesiredState() {
    return desiredState;
  }

  public BotState getLastKnownState() {
    return lastKnownState;
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
}
