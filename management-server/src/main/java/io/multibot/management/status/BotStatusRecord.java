package io.multibot.management.status;

import io.multibot.common.status.BotPoll;
import io.multibot.common.status.BotState;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest status of one bot: its {@link BotState}, whether its last poll reached it and how many
 * polls in a row did not, the last poll's JSON ({@code snapshot}) and the last process event.
 */
@Entity
@EntityListeners(StatusLiveListener.class)
@Table(name = "bot_status")
public class BotStatusRecord {

  @Id
  @Column(name = "bot_id", length = 36)
  private String botId;

  @Column(nullable = false, length = 20)
  @Convert(converter = BotStateColumn.class)
  private BotState state = BotState.UNKNOWN;

  @Column(nullable = false)
  private boolean reachable;

  @Column(name = "missed_polls", nullable = false)
  private int missedPolls;

  @Column(length = 200)
  private String gateway;

  @Column(name = "stake_currency", length = 20)
  private String stakeCurrency;

  @Column(name = "last_polled_at")
  private Instant lastPolledAt;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "last_event", length = 4000)
  private String lastEvent;

  /** Exits the bot's process made on its own (EXITED or CRASHED events) since it was registered. */
  @Column(name = "unexpected_exits", nullable = false)
  private int unexpectedExits;

  /** The last of those exits as its event's JSON, with the log lines kept at the exit. */
  @Column(name = "last_exit", length = 4000)
  private String lastExit;

  @Column(name = "last_exit_at")
  private Instant lastExitAt;

  /**
   * Loaded only when read: the fleet views use the figures below, so a read of 1,000 rows reads no
   * LOB (EclipseLink's weaving loads it on first access).
   */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "snapshot")
  private String snapshot;

  /** Whether the figure columns describe the snapshot (rows from before they existed: not yet). */
  @Column(nullable = false)
  private boolean figures;

  @Embedded private PollFigures shown;

  @Column(name = "history_at")
  private Instant historyAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected BotStatusRecord() {}

  BotStatusRecord(String botId, Instant now) {
    this.botId = botId;
    this.updatedAt = now;
  }

  /**
   * A poll that reached the bot: its JSON as the snapshot and its figures with it. Returns the
   * state before it.
   */
  BotState seen(BotState newState, BotPoll poll, String currency, String from, Instant at) {
    BotState before = state;
    state = newState;
    reachable = true;
    missedPolls = 0;
    snapshot = poll.toJson().toString();
    shown = PollFigures.of(poll);
    figures = true;
    stakeCurrency = currency;
    gateway = from;
    lastPolledAt = at;
    lastSeenAt = at;
    lastError = null;
    updatedAt = at;
    return before;
  }

  /** A poll that did not reach the bot. Returns how many polls in a row missed it. */
  int missed(String error, String from, Instant at) {
    reachable = false;
    missedPolls++;
    gateway = from;
    lastPolledAt = at;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    updatedAt = at;
    return missedPolls;
  }

  void moveTo(BotState newState, Instant at) {
    state = newState;
    updatedAt = at;
  }

  void event(String json, Instant at) {
    lastEvent = json.length() > 4000 ? json.substring(0, 4000) : json;
    updatedAt = at;
  }

  /**
   * An exit the process made on its own. Counted once per event: a redelivered event (the same
   * instant) or one older than the last exit recorded changes nothing.
   */
  /** Counts an exit; false if it was counted already (a redelivered event). */
  boolean exited(String json, Instant at) {
    if (lastExitAt != null && !at.isAfter(lastExitAt)) {
      return false;
    }
    unexpectedExits++;
    lastExit = json.length() > 4000 ? json.substring(0, 4000) : json;
    lastExitAt = at;
    return true;
  }

  /** Whether a history point is due: none yet, or the last one is {@code step} old. */
  boolean historyDue(Instant at, java.time.Duration step) {
    if (historyAt != null && at.isBefore(historyAt.plus(step))) {
      return false;
    }
    historyAt = at;
    return true;
  }

  public String getBotId() {
    return botId;
  }

  public BotState getState() {
    return state;
  }

  public boolean isReachable() {
    return reachable;
  }

  public int getMissedPolls() {
    return missedPolls;
  }

  public String getGateway() {
    return gateway;
  }

  public String getStakeCurrency() {
    return stakeCurrency;
  }

  public Instant getLastPolledAt() {
    return lastPolledAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public String getLastError() {
    return lastError;
  }

  public String getLastEvent() {
    return lastEvent;
  }

  public int getUnexpectedExits() {
    return unexpectedExits;
  }

  public String getLastExit() {
    return lastExit;
  }

  public Instant getLastExitAt() {
    return lastExitAt;
  }

  public String getSnapshot() {
    return snapshot;
  }

  /**
   * The figures the fleet views show: from the columns, or parsed from the snapshot for a row
   * written before the columns existed (which loads the snapshot).
   */
  PollFigures figures() {
    if (figures) {
      return shown == null ? PollFigures.NONE : shown; // JPA reads all-null columns as null
    }
    return snapshot == null ? PollFigures.NONE : PollFigures.of(StatusSnapshots.poll(snapshot));
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
