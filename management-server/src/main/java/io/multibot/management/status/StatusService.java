package io.multibot.management.status;

import io.multibot.common.status.StatusMessage;
import io.multibot.management.audit.AuditLog;
import io.multibot.management.audit.AuditRecord;
import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
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
 * marks it {@code crashed} (BotCrashed). Events are audited as the user {@code system}. Reports
 * older than what is stored change nothing.
 */
@ApplicationScoped
public class StatusService {

  static final String WENT_OFFLINE = "bot.went-offline";
  static final String RECOVERED = "bot.recovered";
  static final String CRASHED = "bot.crashed";

  private final StatusStore store;
  private final BotService bots;
  private final AuditLog audit;
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
      Clock clock,
      @ConfigProperty(name = "status.offline-after", defaultValue = "3") int offlineAfter,
      @ConfigProperty(name = "status.history-step", defaultValue = "PT5M") Duration historyStep) {
    this.store = store;
    this.bots = bots;
    this.audit = audit;
    this.clock = clock;
    this.offlineAfter = offlineAfter;
    this.historyStep = historyStep;
  }

  /** For CDI's proxy only. */
  protected StatusService() {
    this(null, null, null, null, 3, Duration.ofMinutes(5));
  }

  @Transactional
  public void apply(StatusMessage message) {
    if (!bots.exists(message.botId())) {
      return;
    }
    BotStatusRecord status = store.lockOrCreate(message.botId(), message.at());
    JsonObject body = parse(message.body());
    if (message.kind() == StatusMessage.Kind.EVENT) {
      event(status, body, message.at());
    } else if (status.getLastPolledAt() == null || !message.at().isBefore(status.getUpdatedAt())) {
      if (body.getBoolean("reachable", false)) {
        seen(status, body, message);
      } else {
        missed(status, body, message);
      }
    }
    BotState seen = BotState.ofStatus(status.getState());
    if (observed.put(message.botId(), seen) != seen) {
      bots.observed(message.botId(), seen);
    }
  }

  private void seen(BotStatusRecord status, JsonObject body, StatusMessage message) {
    String before =
        status.seen(
            body.getString("state", "unknown"),
            withDetailsKept(body, status.getSnapshot()).toString(),
            body.getString("stake_currency", null),
            message.gateway(),
            message.at());
    if ("offline".equals(before)) {
      record(RECOVERED, message.botId(), "answers again, state " + status.getState());
    }
    if (status.historyDue(message.at(), historyStep)) {
      store.addHistory(
          new StatusHistoryPoint(
              message.botId(),
              message.at(),
              number(body, "profit_closed"),
              number(body, "profit_all"),
              number(body, "balance"),
              body.containsKey("open_trades") ? body.getJsonArray("open_trades").size() : null));
    }
  }

  /** Logs and closed trades come with every few polls only: the last ones are kept in between. */
  private static JsonObject withDetailsKept(JsonObject body, String previous) {
    if (previous == null || (body.containsKey("logs") && body.containsKey("closed_trades"))) {
      return body;
    }
    JsonObject old = parse(previous);
    var merged = Json.createObjectBuilder(body);
    for (String key : List.of("logs", "closed_trades")) {
      if (!body.containsKey(key) && old.containsKey(key)) {
        merged.add(key, old.get(key));
      }
    }
    return merged.build();
  }

  private void missed(BotStatusRecord status, JsonObject body, StatusMessage message) {
    int missed = status.missed(body.getString("error", ""), message.gateway(), message.at());
    if ("CRASHED".equals(body.getString("managed_state", ""))) {
      status.moveTo("crashed", message.at());
    } else if (missed >= offlineAfter && isLive(status.getState())) {
      status.moveTo("offline", message.at());
      record(WENT_OFFLINE, message.botId(), missed + " polls missed: " + status.getLastError());
    }
  }

  /**
   * A process event. It may arrive after a poll that already saw its effect (the poller reads the
   * supervisor's state before the event is published): a crash always counts; a start or stop
   * changes the state only when nothing newer was recorded.
   */
  private void event(BotStatusRecord status, JsonObject body, Instant at) {
    boolean newest = !at.isBefore(status.getUpdatedAt());
    status.event(body.toString(), newest ? at : status.getUpdatedAt());
    switch (body.getString("event", "")) {
      case "CRASHED" -> {
        status.moveTo("crashed", newest ? at : status.getUpdatedAt());
        record(CRASHED, status.getBotId(), body.getString("detail", "crashed"));
      }
      case "STOPPED" -> {
        if (newest) {
          status.moveTo("stopped", at);
        }
      }
      case "STARTED" -> {
        if (newest) {
          status.moveTo("running", at);
        }
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
      status.moveTo("offline", now);
      record(WENT_OFFLINE, status.getBotId(), "no report from any gateway for " + silence);
    }
    return silent.size();
  }

  private static boolean isLive(String state) {
    return !"offline".equals(state) && !"crashed".equals(state);
  }

  private void record(String action, String botId, String summary) {
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

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return Json.createObjectBuilder().add("reachable", false).add("error", "unreadable").build();
    }
  }

  static Double number(JsonObject body, String name) {
    return body.get(name) instanceof JsonNumber value ? value.doubleValue() : null;
  }
}
