package io.multibot.common.status;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMessageTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  private static BotPoll fullPoll() {
    return new BotPoll(
        null,
        ProcessState.RUNNING,
        new BotPoll.Shown(
            BotState.PAUSED, "SampleStrategy", "binance", "USDT", 3, "2026-12-03T09:59:58Z"),
        Json.createArrayBuilder().add(Json.createObjectBuilder().add("trade_id", 7)).build(),
        new BotPoll.Profit(12.5, 20.25, 9, 6, 4, 2),
        new BotPoll.Balance(1012.5, 1000),
        Json.createArrayBuilder().add("2026-12-03 09:59:00 - bot - INFO - hello").build(),
        Json.createArrayBuilder().build());
  }

  @Test
  void aPollCrossesTheStreamUnchanged() {
    StatusMessage sent = StatusMessage.poll("b-1", "gw-1", AT, fullPoll());

    StatusMessage received = StatusMessage.fromFields(sent.toFields()).orElseThrow();

    assertThat(received).isEqualTo(sent);
    assertThat(sent.toFields())
        .containsEntry("kind", "status")
        .containsEntry("bot", "b-1")
        .containsEntry("at", "2026-12-03T10:00:00Z");
  }

  /** Snapshots stored before the poll was typed are this JSON: its keys must not move. */
  @Test
  void thePollsWireKeysAreTheOnesStoredSnapshotsUse() {
    var json = fullPoll().toJson();

    assertThat(json.getString("state")).isEqualTo("paused");
    assertThat(json.getString("managed_state")).isEqualTo("RUNNING");
    assertThat(json.getString("stake_currency")).isEqualTo("USDT");
    assertThat(json.getInt("max_open_trades")).isEqualTo(3);
    assertThat(json.getJsonNumber("profit_closed").doubleValue()).isEqualTo(12.5);
    assertThat(json.getInt("winning_trades")).isEqualTo(4);
    assertThat(json.getJsonNumber("starting_capital").doubleValue()).isEqualTo(1000);
    assertThat(json.getJsonArray("open_trades")).hasSize(1);
    assertThat(json.getBoolean("reachable")).isTrue();
  }

  @Test
  void anUnreachablePollKeepsItsErrorAndTheSupervisorsState() {
    BotPoll poll = BotPoll.unreachable("no answer within PT5S", ProcessState.CRASHED);

    StatusMessage received =
        StatusMessage.fromFields(StatusMessage.poll("b-1", "gw", AT, poll).toFields())
            .orElseThrow();

    BotPoll read = (BotPoll) received.report();
    assertThat(read.reachable()).isFalse();
    assertThat(read.error()).isEqualTo("no answer within PT5S");
    assertThat(read.managedState()).isEqualTo(ProcessState.CRASHED);
  }

  @Test
  void aProcessEventCrossesTheStreamWithItsBotAndInstant() {
    ProcessEvent crash =
        new ProcessEvent("b-2", ProcessEvent.Kind.CRASHED, 137, "gave up", List.of("a", "b"), AT);

    StatusMessage received =
        StatusMessage.fromFields(StatusMessage.event("gw", crash).toFields()).orElseThrow();

    assertThat(received.report()).isEqualTo(crash);
    assertThat(received.botId()).isEqualTo("b-2");
  }

  @Test
  void aPollWithoutDetailsKeepsTheOlderOnes() {
    BotPoll older = fullPoll();
    BotPoll newer = BotPoll.fromJson(Json.createObjectBuilder().add("reachable", true).build());

    BotPoll kept = newer.withDetailsOf(older);

    assertThat(kept.logs()).isEqualTo(older.logs());
    assertThat(kept.closedTrades()).isEqualTo(older.closedTrades());
    assertThat(kept.openTrades()).isNull();
  }

  @Test
  void entriesThisVersionDoesNotUnderstandAreRefusedNotGuessed() {
    Map<String, String> fields = StatusMessage.poll("b", "gw", AT, fullPoll()).toFields();
    for (var broken :
        List.of(
            Map.of("kind", "heartbeat"),
            Map.of("at", "yesterday"),
            Map.of("body", "{not json"),
            Map.of("body", "[1,2]"))) {
      Map<String, String> copy = new HashMap<>(fields);
      copy.putAll(broken);
      assertThat(StatusMessage.fromFields(copy)).as(broken.toString()).isEmpty();
    }
    Map<String, String> unknownEvent = StatusMessage.event("gw", crashOf("b")).toFields();
    unknownEvent.put("body", "{\"event\":\"EXPLODED\"}");
    assertThat(StatusMessage.fromFields(unknownEvent)).isEmpty();
    fields.remove("bot");
    assertThat(StatusMessage.fromFields(fields)).isEmpty();
  }

  @Test
  void theStateVocabularyIsOneEnumWithLowerCaseWireNames() {
    assertThat(BotState.ofWire("running")).isEqualTo(BotState.RUNNING);
    assertThat(BotState.ofWire("offline")).isEqualTo(BotState.OFFLINE);
    assertThat(BotState.ofWire("reload_config")).isEqualTo(BotState.UNKNOWN);
    assertThat(BotState.ofWire("RUNNING")).isEqualTo(BotState.UNKNOWN);
    assertThat(BotState.ofWire(null)).isEqualTo(BotState.UNKNOWN);
    assertThat(BotState.OFFLINE.lastKnown()).isEqualTo(BotState.UNKNOWN);
    assertThat(BotState.CRASHED.lastKnown()).isEqualTo(BotState.CRASHED);
    assertThat(BotState.OFFLINE.isLive()).isFalse();
    assertThat(BotState.PAUSED.isLive()).isTrue();
    for (BotState state : BotState.values()) {
      assertThat(BotState.ofWire(state.wire())).isEqualTo(state);
    }
  }

  private static ProcessEvent crashOf(String bot) {
    return new ProcessEvent(bot, ProcessEvent.Kind.CRASHED, 1, "x", List.of(), AT);
  }
}
