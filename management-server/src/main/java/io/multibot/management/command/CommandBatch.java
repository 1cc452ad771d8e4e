package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A batch of commands: one per selected bot, from a bulk request or the kill switch. */
@Entity
@Table(name = "command_batch")
public class CommandBatch {

  /** Where a batch came from. */
  public enum Kind {
    BULK,
    EMERGENCY,
    /** Sent by a risk guard that tripped, on the priority lane. */
    GUARD
  }

  @Id
  @Column(length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CommandType type;

  @Column(nullable = false, length = 2000)
  private String selector;

  @Column(name = "issued_by", nullable = false, length = 64)
  private String issuedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When {@link BatchCompletion} noticed its last outcome; set once. */
  @Column(name = "finished_at")
  private Instant finishedAt;

  /** For JPA. */
  protected CommandBatch() {}

  public CommandBatch(
      String id, Kind kind, CommandType type, String selector, String issuedBy, Instant now) {
    this.id = id;
    this.kind = kind;
    this.type = type;
    this.selector = selector;
    this.issuedBy = issuedBy;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public CommandType getType() {
    return type;
  }

  public String getSelector() {
    return selector;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
