package io.multibot.management.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Where notifications go. Settings that are not secret are kept as JSON; the secret ones as one
 * value encrypted by {@code SecretCipher} (plaintext never reaches this class).
 */
@Entity
@Table(name = "notification_channel")
public class NotificationChannel {

  @Id
  @Column(length = 64)
  private String name;

  @Column(name = "channel_type", nullable = false, length = 20)
  private String channelType;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false, length = 4000)
  private String settings;

  @Column(name = "secrets_enc", length = 8000)
  private String secretsEnc;

  @Column(name = "rate_per_minute", nullable = false)
  private int ratePerMinute;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected NotificationChannel() {}

  NotificationChannel(String name, Instant now) {
    this.name = name;
    this.createdAt = now;
  }

  void define(
      ChannelType type,
      boolean enabled,
      int ratePerMinute,
      ChannelSettings settings,
      String secretsEnc,
      Instant now) {
    this.channelType = type.wire();
    this.enabled = enabled;
    this.ratePerMinute = ratePerMinute;
    this.settings = settings.toJson();
    this.secretsEnc = secretsEnc;
    this.updatedAt = now;
  }

  public String getName() {
    return name;
  }

  ChannelType type() {
    return ChannelType.parse(channelType).orElseThrow();
  }

  boolean isEnabled() {
    return enabled;
  }

  int getRatePerMinute() {
    return ratePerMinute;
  }

  ChannelSettings settings() {
    return ChannelSettings.fromJson(settings);
  }

  String getSecretsEnc() {
    return secretsEnc;
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
