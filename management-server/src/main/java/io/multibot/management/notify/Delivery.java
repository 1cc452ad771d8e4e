package io.multibot.management.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One message for one channel, queued in the transaction that raised its alert. A sender takes it
 * with a lease (so two replicas never send it at the same time, and one that dies mid-send leaves
 * it to be sent again when the lease ends: at least once, never lost), and records each attempt.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery {

  private static final int ANSWER_LIMIT = 1_000;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 64)
  private String channel;

  @Column(name = "rule_name", length = 64)
  private String ruleName;

  @Column(name = "event_type", nullable = false, length = 40)
  private String eventType;

  @Column(nullable = false, length = 10)
  private String severity;

  @Column(name = "bot_id", length = 36)
  private String botId;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(name = "dedup_key", nullable = false, length = 400)
  private String dedupKey;

  @Column(nullable = false, length = 8000)
  private String alert;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(nullable = false)
  private int duplicates;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(length = ANSWER_LIMIT)
  private String answer;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Delivery() {}

  Delivery(
      String channel, String ruleName, Alert alert, String dedupKey, Instant due, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.channel = channel;
    this.ruleName = ruleName;
    this.eventType = alert.type().wire();
    this.severity = alert.severity().wire();
    this.botId = alert.botId();
    this.subject =
        alert.subject().length() > 200 ? alert.subject().substring(0, 200) : alert.subject();
    this.dedupKey = dedupKey.length() > 400 ? dedupKey.substring(0, 400) : dedupKey;
    this.alert = alert.toJson();
    this.status = DeliveryStatus.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = due;
  }

  /** Another alert like this one came within the rule's window: counted here, not sent again. */
  void duplicate() {
    duplicates++;
  }

  /** The channel accepted it. */
  void sent(String answer, Instant now) {
    attempt(answer, now);
    status = DeliveryStatus.SENT;
    sentAt = now;
    nextAttemptAt = null;
  }

  /** It failed and will be tried again at {@code next}. */
  void retry(String answer, Instant now, Instant next) {
    attempt(answer, now);
    status = DeliveryStatus.RETRYING;
    nextAttemptAt = next;
  }

  /** It failed for good. */
  void failed(String answer, Instant now) {
    attempt(answer, now);
    status = DeliveryStatus.FAILED;
    nextAttemptAt = null;
  }

  /**
   * Not tried now (the channel's rate is used up): waits until {@code next}, no attempt counted.
   */
  void postpone(Instant next) {
    nextAttemptAt = next;
    leaseUntil = null;
  }

  private void attempt(String text, Instant now) {
    attempts++;
    lastAttemptAt = now;
    leaseUntil = null;
    answer = text == null || text.length() <= ANSWER_LIMIT ? text : text.substring(0, ANSWER_LIMIT);
  }

  public String getId() {
    return id;
  }

  String getChannel() {
    return channel;
  }

  String getRuleName() {
    return ruleName;
  }

  Alert alert() {
    return Alert.fromJson(alert);
  }

  DeliveryStatus getStatus() {
    return status;
  }

  int getAttempts() {
    return attempts;
  }

  int getDuplicates() {
    return duplicates;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  Instant getSentAt() {
    return sentAt;
  }

  String getAnswer() {
    return answer;
  }

  String getEventType() {
    return eventType;
  }

  String getSeverity() {
    return severity;
  }

  String getBotId() {
    return botId;
  }

  String getDedupKey() {
    return dedupKey;
  }

  String getSubject() {
    return subject;
  }
}
