package io.multibot.management.status;

import io.multibot.common.status.BotPoll;
import io.multibot.common.status.BotState;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.ProcessState;
import io.multibot.common.status.StatusMessage;
import io.multibot.management.audit.AuditLog;
import io.multibot.management.audit.AuditRecord;
import io.multibot.management.bot.BotService;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import io.multibot.management.notify.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the status stream to the bots' statuses: a poll that reached a bot records what it said;
 * {@code status.offline-after} polls in a row that did not mark it {@code offline} (event
 * BotWentOffline), and the next one that does brings it back (BotRecovered); a managed bot's crash
 * marks it {@code crashed} (BotCrashed); a gateway's dead-man switch that paused a bot's entries
 * while Redis was unreachable marks it {@code paused} (bot.dead-man-paused). Events are audited as
 * the user {@code system}. Reports older than what is stored change nothing.
 */
@ApplicationScoped
public class StatusService {

  static final String WENT_OFFLINE = "bot.went-offline";
  static final String RECOVERED = "bot.recovered";
  static final String CRASHED = "bot.crashed";
  static final String DEAD_MAN_PAUSED = "bot.dead-man-paused";

  private final StatusStore store;
  private final BotService bots;
  private final AuditLog audit;
  private final Alerts alerts;
  private final Clock clock;
  private final int offlineAfter;
  private final Duration historyStep;

  /**
   * The registry state this replica last wrote per bot: the bot row is written on a change, not on
   * every poll (after a restart, once per bot first).
   */
  private final Map<String, BotState> observed = new ConcurrentHashMap<>();

  @Inject
  public StatusService(
      StatusStore store,
      BotService bots,
      AuditLog audit,
      Alerts alerts,
      Clock clock,
      @ConfigProperty(name = "status.offline-after", defaultValue = "3") int offlineAfter,
      @ConfigProperty(name = "status.history-step", defaultValue = "PT5M") Duration historyStep) {
    this.store = store;
    this.bots = bots;
    this.audit = audit;
    this.alerts = alerts;
    this.clock = clock;
    this.offlineAfter = offlineAfter;
    this.historyStep = historyStep;
  }

  /** For CDI's proxy only. */
  protected StatusService() {
    this(null, null, null, null, null, 3, Duration.ofMinutes(5));
  }

  @Transactional
  public void apply(StatusMessage message) {
    if (!bots.exists(message.botId())) {
      return;
    }
    BotStatusRecord status = store.lockOrCreate(message.botId(), message.at());
    if (message.report() instanceof ProcessEvent event) {
      event(status, event);
    } else if (status.getLastPolledAt() == null || !message.at().isBefore(status.getUpdatedAt())) {
      BotPoll poll = (BotPoll) message.report();
      if (poll.reachable()) {
        seen(status, poll, message);
      } else {
        missed(status, poll, message);
      }
    }
    BotState seen = status.getState();
    if (observed.put(message.botId(), seen) != seen) {
      bots.observed(message.botId(), seen);
    }
  }

  private void seen(BotStatusRecord status, BotPoll poll, StatusMessage message) {
    BotPoll previous =
        status.getSnapshot() == null ? null : StatusSnapshots.poll(status.getSnapshot());
    BotPoll kept = previous == null ? poll : poll.withDetailsOf(previous);
    if (previous != null) {
      TradeLosses.newLosses(
              previous.closedTrades(),
              poll.closedTrades(),
              message.botId(),
              poll.shown().stakeCurrency(),
              message.at())
          .forEach(alerts::raise);
    }
    BotState before =
        status.seen(
            poll.shown().state(),
            kept,
            poll.shown().stakeCurrency(),
            message.gateway(),
            message.at());
    if (before == BotState.OFFLINE) {
      record(
          RECOVERED,
          AlertType.BOT_RECOVERED,
          message.botId(),
          "answers again, state " + status.getState().wire());
    }
    if (status.historyDue(message.at(), historyStep)) {
      store.addHistory(
          new StatusHistoryPoint(
              message.botId(),
              message.at(),
              poll.profit() == null ? null : poll.profit().closed(),
              poll.profit() == null ? null : poll.profit().all(),
              poll.balance() == null ? null : poll.balance().total(),
              poll.openTrades() == null ? null : poll.openTrades().size()));
    }
  }

  private void missed(BotStatusRecord status, BotPoll poll, StatusMessage message) {
    int missed = status.missed(poll.error(), message.gateway(), message.at());
    if (poll.managedState() == ProcessState.CRASHED) {
      status.moveTo(BotState.CRASHED, message.at());
    } else if (missed >= offlineAfter && status.getState().isLive()) {
      status.moveTo(BotState.OFFLINE, message.at());
      record(
          WENT_OFFLINE,
          AlertType.BOT_WENT_OFFLINE,
          message.botId(),
          missed + " polls missed: " + status.getLastError());
    }
  }

  /**
   * A process event. It may arrive after a poll that already saw its effect (the poller reads the
   * supervisor's state before the event is published): a crash always counts; a start or stop
   * changes the state only when nothing newer was recorded.
   */
  private void event(BotStatusRecord status, ProcessEvent event) {
    Instant at = event.at();
    boolean newest = !at.isBefore(status.getUpdatedAt());
    status.event(event.toJson().toString(), newest ? at : status.getUpdatedAt());
    if ((event.kind() == ProcessEvent.Kind.EXITED || event.kind() == ProcessEvent.Kind.CRASHED)
        && status.exited(event.toJson().toString(), at)
        && event.kind() == ProcessEvent.Kind.EXITED) {
      alerts.raise(
          Alert.of(
              AlertType.BOT_CRASHED,
              status.getBotId(),
              status.getBotId(),
              "exited on its own: " + event.detail(),
              at));
    }
    switch (event.kind()) {
      case CRASHED -> {
        status.moveTo(BotState.CRASHED, newest ? at : status.getUpdatedAt());
        record(CRASHED, AlertType.BOT_CRASH_LOOP, status.getBotId(), event.detail());
      }
      case STOPPED -> {
        if (newest) {
          status.moveTo(BotState.STOPPED, at);
        }
      }
      case STARTED -> {
        if (newest) {
          status.moveTo(BotState.RUNNING, at);
        }
      }
      case PAUSED -> {
        if (newest) {
          status.moveTo(BotState.PAUSED, at);
        }
        record(DEAD_MAN_PAUSED, AlertType.BOT_DEAD_MAN_PAUSED, status.getBotId(), event.detail());
      }
      default -> {
        // EXITED: a restart follows or the policy said no; the next poll tells
      }
    }
  }

  /**
   * Bots no gateway has reported on for {@code silence} (their gateway is gone too) go offline.
   *
   * @return how many went offline
   */
  @Transactional
  public int markSilent(Duration silence) {
    Instant now = clock.instant();
    List<BotStatusRecord> silent = store.silentSince(now.minus(silence));
    for (BotStatusRecord status : silent) {
      status.moveTo(BotState.OFFLINE, now);
      record(
          WENT_OFFLINE,
          AlertType.BOT_WENT_OFFLINE,
          status.getBotId(),
          "no report from any gateway for " + silence);
    }
    return silent.size();
  }

  /** Every open trade of every bot as its latest poll showed it (for the risk guards). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OpenPosition> positions() {
    List<OpenPosition> positions = new java.util.ArrayList<>();
    for (Object[] row : store.snapshotsWithOpenTrades()) {
      String botId = (String) row[0];
      String currency = (String) row[1];
      jakarta.json.JsonArray trades =
          row[2] == null ? null : StatusSnapshots.poll((String) row[2]).openTrades();
      if (trades == null || currency == null) {
        continue;
      }
      for (jakarta.json.JsonObject trade : trades.getValuesAs(jakarta.json.JsonObject.class)) {
        positions.add(
            new OpenPosition(botId, currency, trade.getString("pair", "?"), value(trade)));
      }
    }
    return positions;
  }

  private static double value(jakarta.json.JsonObject trade) {
    if (trade.get("amount") instanceof jakarta.json.JsonNumber amount
        && trade.get("current_rate") instanceof jakarta.json.JsonNumber rate) {
      return amount.doubleValue() * rate.doubleValue();
    }
    return trade.get("stake_amount") instanceof jakarta.json.JsonNumber stake
        ? stake.doubleValue()
        : 0;
  }

  /** Every bot's latest figures (for the risk guards). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<BotFigures> figures() {
    return store.figures();
  }

  /**
   * A bot's realised profit at the start of the day that begins at {@code dayStart}: its first
   * history point since then (points are {@code status.history-step} apart), empty if it has none.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Optional<Double> profitClosedSince(String botId, Instant dayStart) {
    return store.history(botId, dayStart, 1).stream()
        .map(StatusHistoryPoint::getProfitClosed)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  private void record(String action, AlertType alert, String botId, String summary) {
    alerts.raise(Alert.of(alert, botId, botId, summary, clock.instant()));
    audit.append(
        new AuditRecord(
            clock.instant(),
            "system",
            "system",
            null,
            action,
            "/api/v1/bots/" + botId,
            200,
            summary.length() > 900 ? summary.substring(0, 900) : summary));
  }
}
