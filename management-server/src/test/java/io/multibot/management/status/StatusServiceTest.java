package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.status.BotPoll;
import io.multibot.common.status.BotState;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.ProcessState;
import io.multibot.common.status.StatusMessage;
import io.multibot.management.audit.AuditLog;
import io.multibot.management.audit.AuditRecord;
import io.multibot.management.bot.BotService;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.Alerts;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How status reports move a bot's live state, without a database: the use case alone. */
class StatusServiceTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private final Map<String, BotStatusRecord> rows = new HashMap<>();
  private final List<StatusHistoryPoint> history = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();
  private final List<String> registry = new ArrayList<>();
  private final Set<String> existing = Set.of("b-1");

  private final StatusStore store =
      new StatusStore() {
        @Override
        BotStatusRecord lockOrCreate(String botId, Instant now) {
          return rows.computeIfAbsent(botId, id -> new BotStatusRecord(id, now));
        }

        @Override
        void addHistory(StatusHistoryPoint point) {
          history.add(point);
        }
      };

  private final BotService bots =
      new BotService() {
        @Override
        public boolean exists(String id) {
          return existing.contains(id);
        }

        @Override
        public void observed(String botId, BotState state) {
          registry.add(botId + " " + state.lastKnown());
        }
      };

  private final AuditLog audit =
      new AuditLog() {
        @Override
        public void append(AuditRecord record) {
          audited.add(record.action() + ": " + record.summary());
        }
      };

  private final List<String> alerted = new ArrayList<>();

  private final Alerts alerts =
      new Alerts() {
        @Override
        public int raise(Alert alert) {
          alerted.add(alert.type().wire() + " " + alert.botId() + ": " + alert.text());
          return 1;
        }
      };

  private final StatusService service =
      new StatusService(
          store, bots, audit, alerts, Clock.fixed(T0, ZoneOffset.UTC), 3, Duration.ofMinutes(5));

  private static BotPoll running() {
    return new BotPoll(
        null,
        null,
        new BotPoll.Shown(BotState.RUNNING, "S", "binance", "USDT", 3, null),
        Json.createArrayBuilder().add(Json.createObjectBuilder().add("trade_id", 1)).build(),
        new BotPoll.Profit(1.5, 2.5, 4, 3, 2, 1),
        new BotPoll.Balance(1001.5, 1000),
        Json.createArrayBuilder().add("line 1").build(),
        null);
  }

  private void poll(int second, BotPoll poll) {
    service.apply(StatusMessage.poll("b-1", "gw-1", T0.plusSeconds(second), poll));
  }

  private BotStatusRecord row() {
    return rows.get("b-1");
  }

  @Test
  void aPollThatReachedTheBotRecordsItsStateFiguresAndOneHistoryPoint() {
    poll(0, running());
    poll(10, running());

    assertThat(row().getState()).isEqualTo(BotState.RUNNING);
    assertThat(row().isReachable()).isTrue();
    assertThat(row().getStakeCurrency()).isEqualTo("USDT");
    assertThat(StatusSnapshots.poll(row().getSnapshot())).isEqualTo(running());
    assertThat(row().figures())
        .as("the figure columns describe the snapshot")
        .isEqualTo(PollFigures.of(StatusSnapshots.poll(row().getSnapshot())))
        .extracting(PollFigures::profitClosed)
        .isEqualTo(1.5);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).getProfitClosed()).isEqualTo(1.5);
    assertThat(registry)
        .as("the bot row is written on a change only")
        .containsExactly("b-1 RUNNING");
  }

  @Test
  void threeMissedPollsTakeTheBotOfflineOnceAndTheNextAnswerBringsItBack() {
    poll(0, running());
    for (int i = 1; i <= 5; i++) {
      poll(i * 10, BotPoll.unreachable("no answer within PT5S", null));
    }

    assertThat(row().getState()).isEqualTo(BotState.OFFLINE);
    assertThat(row().getMissedPolls()).isEqualTo(5);
    assertThat(row().figures())
        .as("missed polls keep the last answer's snapshot and its figures together")
        .isEqualTo(PollFigures.of(StatusSnapshots.poll(row().getSnapshot())))
        .isEqualTo(PollFigures.of(running()));
    assertThat(audited).containsExactly("bot.went-offline: 3 polls missed: no answer within PT5S");
    assertThat(registry).containsExactly("b-1 RUNNING", "b-1 UNKNOWN");

    poll(60, running());

    assertThat(row().getState()).isEqualTo(BotState.RUNNING);
    assertThat(audited).last().asString().startsWith("bot.recovered: answers again, state running");
    assertThat(alerted)
        .as("one alert for going offline, one for coming back")
        .containsExactly(
            "bot.went-offline b-1: 3 polls missed: no answer within PT5S",
            "bot.recovered b-1: answers again, state running");
  }

  @Test
  void aSupervisorThatGaveUpMarksTheBotCrashedAtOnce() {
    poll(0, running());
    poll(10, BotPoll.unreachable("the bot's process is CRASHED", ProcessState.CRASHED));

    assertThat(row().getState()).isEqualTo(BotState.CRASHED);
    assertThat(registry).containsExactly("b-1 RUNNING", "b-1 CRASHED");
  }

  @Test
  void aPollOlderThanWhatIsStoredChangesNothing() {
    poll(10, running());
    poll(5, BotPoll.unreachable("late", null));

    assertThat(row().isReachable()).isTrue();
    assertThat(row().getMissedPolls()).isZero();
  }

  @Test
  void aLateStartEventDoesNotUndoANewerStopButACrashAlwaysCounts() {
    poll(10, running());
    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.STOPPED, 20)));
    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.STARTED, 15)));

    assertThat(row().getState()).isEqualTo(BotState.STOPPED);

    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.CRASHED, 12)));

    assertThat(row().getState()).isEqualTo(BotState.CRASHED);
    assertThat(audited).containsExactly("bot.crashed: CRASHED detail");
    assertThat(StatusSnapshots.object(row().getLastEvent()).getString("event"))
        .isEqualTo("CRASHED");
  }

  @Test
  void exitsAreCountedOnceEachAndTheLastOneOutlivesTheRestartThatFollows() {
    poll(0, running());
    ProcessEvent exit =
        new ProcessEvent(
            "b-1",
            ProcessEvent.Kind.EXITED,
            1,
            "restart 1 in PT2S",
            List.of("boom"),
            T0.plusSeconds(5));
    service.apply(StatusMessage.event("gw-1", exit));
    service.apply(StatusMessage.event("gw-1", exit));
    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.STARTED, 8)));

    assertThat(row().getUnexpectedExits()).as("a redelivered exit counts once").isEqualTo(1);
    assertThat(StatusSnapshots.object(row().getLastEvent()).getString("event"))
        .isEqualTo("STARTED");
    assertThat(StatusSnapshots.object(row().getLastExit()).getJsonArray("log").getString(0))
        .isEqualTo("boom");
    assertThat(row().getLastExitAt()).isEqualTo(T0.plusSeconds(5));

    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.CRASHED, 9)));
    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.STOPPED, 10)));

    assertThat(row().getUnexpectedExits()).isEqualTo(2);
    assertThat(alerted)
        .as("a redelivered exit alerts once; giving up is a crash loop")
        .containsExactly(
            "bot.crashed b-1: exited on its own: restart 1 in PT2S",
            "bot.crash-loop b-1: CRASHED detail");
    assertThat(StatusSnapshots.object(row().getLastExit()).getString("event")).isEqualTo("CRASHED");
  }

  @Test
  void aDeadManPauseMarksTheBotPausedAndIsAuditedButNeverUndoesANewerState() {
    poll(0, running());
    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.PAUSED, 30)));

    assertThat(row().getState()).isEqualTo(BotState.PAUSED);
    assertThat(audited).containsExactly("bot.dead-man-paused: PAUSED detail");

    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.STOPPED, 40)));
    service.apply(StatusMessage.event("gw-1", event(ProcessEvent.Kind.PAUSED, 35)));

    assertThat(row().getState()).as("a late report of the pause").isEqualTo(BotState.STOPPED);
  }

  @Test
  void aPollWithoutLogsKeepsTheLastOnes() {
    poll(0, running());
    BotPoll withoutDetails =
        new BotPoll(
            null,
            null,
            running().shown(),
            running().openTrades(),
            running().profit(),
            running().balance(),
            null,
            null);
    poll(10, withoutDetails);

    assertThat(StatusSnapshots.poll(row().getSnapshot()).logs()).isEqualTo(running().logs());
  }

  @Test
  void reportsAboutBotsThatNoLongerExistAreDropped() {
    service.apply(StatusMessage.poll("deleted", "gw-1", T0, running()));

    assertThat(rows).isEmpty();
    assertThat(registry).isEmpty();
  }

  private static ProcessEvent event(ProcessEvent.Kind kind, int second) {
    return new ProcessEvent("b-1", kind, null, kind + " detail", List.of(), T0.plusSeconds(second));
  }
}
