package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One command and where it is in its lifecycle. */
@Entity
@EntityListeners(CommandLiveListener.class)
@Table(name = "command")
public class CommandRecord {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "bot_id", nullable = false, length = 36)
  private String botId;

  @Column(name = "bot_name", nullable = false, length = 64)
  private String botName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CommandType type;

  @Column(nullable = false, length = 4000)
  private String params;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CommandStatus status;

  @Column(length = 2000)
  private String reason;

  @Column(length = 4000)
  private String detail;

  @Column(length = 100)
  private String gateway;

  @Column(name = "issued_by", nullable = false, length = 64)
  private String issuedBy;

  @Column(name = "idempotency_key", length = 200)
  private String idempotencyKey;

  @Column(name = "batch_id", length = 36)
  private String batchId;

  @Column(nullable = false)
  private boolean priority;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "dispatched_at")
  private Instant dispatchedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  /** For JPA. */
  protected CommandRecord() {}

  /** A new command, ACCEPTED. */
  public CommandRecord(NewCommand command, String id, Instant now) {
    this.id = id;
    this.botId = command.botId();
    this.botName = command.botName();
    this.type = command.type();
    this.params = command.params();
    this.issuedBy = command.issuedBy();
    this.idempotencyKey = command.idempotencyKey();
    this.priority = command.priority();
    this.batchId = command.batchId();
    this.status = CommandStatus.ACCEPTED;
    // microseconds, what every supported database keeps exactly: the list's keyset cursor compares
    // the stored value with the one it read, so the two must not differ by a rounding
    this.createdAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    this.expiresAt = now.plus(command.expiresIn());
  }

  /** It is on the stream. */
  void dispatched(Instant now) {
    if (status == CommandStatus.ACCEPTED) {
      status = CommandStatus.DISPATCHED;
      dispatchedAt = now;
    }
  }

  /**
   * Redis lost the command while it was queued or running (see {@code RedisEpoch}): it goes back to
   * ACCEPTED to be published again. Its {@code dispatchedAt} stays, which marks the new stream
   * entry as recovered, so the gateway checks the bot for the command's effect before acting again.
   */
  boolean requeue() {
    if (status != CommandStatus.DISPATCHED && status != CommandStatus.RUNNING) {
      return false;
    }
    status = CommandStatus.ACCEPTED;
    return true;
  }

  /** Whether this command was on a stream before (it is being sent again after a Redis loss). */
  boolean wasDispatched() {
    return dispatchedAt != null;
  }

  /** The command cannot be sent to its bot: it ends REJECTED with the reason. */
  void reject(String reason, Instant at) {
    advance(CommandStatus.REJECTED, reason, "{}", null, at);
  }

  /**
   * Applies a reported status if it moves the command forward; duplicates and late reports change
   * nothing. Returns whether it applied.
   */
  boolean advance(CommandStatus next, String why, String result, String by, Instant at) {
    if (!status.canMoveTo(next)) {
      return false;
    }
    status = next;
    gateway = by;
    if (next == CommandStatus.RUNNING) {
      startedAt = at;
    } else {
      finishedAt = at;
      reason = why == null || why.isEmpty() ? null : truncate(why, 2000);
      detail = result == null ? null : truncate(result, 4000);
    }
    return true;
  }

  private static String truncate(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }

  public String getId() {
    return id;
  }

  public String getBotId() {
    return botId;
  }

  public String getBotName() {
    return botName;
  }

  public CommandType getType() {
    return type;
  }

  public String getParams() {
    return params;
  }

  public CommandStatus getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  public String getDetail() {
    return detail;
  }

  public String getGateway() {
    return gateway;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getBatchId() {
    return batchId;
  }

  public boolean isPriority() {
    return priority;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getDispatchedAt() {
    return dispatchedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
