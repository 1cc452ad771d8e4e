package io.multibot.gateway.dispatch;

import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault suite's fleet: simulated bots (each answering with its own latency) registered in the
 * management-e2e server as external bots, the commands a scenario sends them through the API (force
 * entries and full exits, alternating per bot), and the reconciliation of every command against
 * what really happened at the bot (trades by the command's tag).
 */
final class FaultFleet implements AutoCloseable {

  private static final List<String> UNFINISHED = List.of("ACCEPTED", "DISPATCHED", "RUNNING");
  private static final List<String> NO_EFFECT =
      List.of("FAILED", "EXPIRED", "REJECTED", "DEAD_LETTERED");

  private final String token;
  private final List<SimulatorProcess> bots = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Set<String> accepted = new LinkedHashSet<>();
  private final Map<String, Instant> effectsFrom = new HashMap<>();
  private int sent;
  private int serverErrors;

  private FaultFleet(String token) {
    this.token = token;
  }

  /** Starts one simulated bot per latency (milliseconds added to each answer) and registers it. */
  static FaultFleet start(Path dir, String token, long... latencies) throws Exception {
    FaultFleet fleet = new FaultFleet(token);
    for (long latency : latencies) {
      SimulatorProcess bot =
          SimulatorProcess.start(
              dir,
              CommandCycleIT.BOT_CONFIG + ", \"initial_state\": \"running\"",
              Map.of("FREQTRADE__SIMULATOR__LATENCY_MS", String.valueOf(latency)));
      fleet.bots.add(bot);
      fleet.names.add(ManagementApi.register(token, bot, "faults"));
    }
    return fleet;
  }

  List<String> names() {
    return names;
  }

  /**
   * SIGKILL to one bot. Its trades die with it (the simulator keeps them in memory, where freqtrade
   * has its database), so from {@link #restartBot} on only newer commands' effects are checked.
   */
  void killBot(int index) throws InterruptedException {
    bots.get(index).kill();
  }

  /** Starts a killed bot again on its port, as its supervisor or an operator would. */
  void restartBot(int index) throws Exception {
    bots.set(index, bots.get(index).restart());
    effectsFrom.put(names.get(index), Instant.now());
  }

  /**
   * Sends {@code count} commands, round robin over the bots, {@code gap} apart. A 202 is recorded
   * as accepted, a 5xx counted; a refused connection (management is down) is neither.
   */
  void send(int count, Duration gap) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      int n = sent++;
      String bot = names.get(n % names.size());
      int round = n / names.size();
      String body =
          round % 2 == 0
              ? "{\"type\": \"forceenter\", \"pair\": \""
                  + (round % 4 == 0 ? "BTC/USDT" : "ETH/USDT")
                  + "\", \"stakeAmount\": 10}"
              : "{\"type\": \"forceexit\", \"tradeId\": \"all\"}";
      record(post("/bots/" + bot + "/commands", body));
      Thread.sleep(gap.toMillis());
    }
  }

  /** Records what one POST answered (null: no answer at all). */
  synchronized void record(HttpJson.Answer answer) {
    if (answer == null) {
      return;
    }
    if (answer.status() == 202) {
      accepted.add(answer.json().getString("id"));
    } else if (answer.status() >= 500) {
      serverErrors++;
    }
  }

  /** A POST as the operator's token; null when management does not answer (it is down). */
  HttpJson.Answer post(String path, String body) {
    try {
      return ManagementApi.postDuringFaults(ManagementApi.postRequest(token, path, body), path);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /** A POST with an Idempotency-Key; null when management does not answer. */
  HttpJson.Answer postWithKey(String path, String body, String key) {
    try {
      return ManagementApi.postDuringFaults(
          ManagementApi.postRequest(token, path, body).header("Idempotency-Key", key), path);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /** How many commands management recorded for the bot with this stake (the load uses 10). */
  long commandsWithStake(String bot, double stake) {
    return ManagementApi.get(token, "/commands?bot=" + bot + "&size=100")
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(c -> c.getJsonObject("params").containsKey("stake_amount"))
        .filter(c -> c.getJsonObject("params").getJsonNumber("stake_amount").doubleValue() == stake)
        .count();
  }

  /**
   * Waits until every command of the fleet is final (or {@code deadline} passes), then checks each
   * against its bot. Recovery is the time from {@code faultOver} until all were final.
   */
  FaultTally reconcile(String scenario, Instant faultOver, Duration deadline)
      throws InterruptedException {
    Map<String, List<JsonObject>> byBot = awaitFinal(Instant.now().plus(deadline));
    double recovery = Duration.between(faultOver, Instant.now()).toMillis() / 1000.0;
    Reconciliation check = new Reconciliation();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      check.bot(
          byBot.get(name), tagCounts(bots.get(i)), effectsFrom.getOrDefault(name, Instant.MIN));
    }
    Set<String> known = new LinkedHashSet<>();
    byBot.values().forEach(list -> list.forEach(c -> known.add(c.getString("id"))));
    int lost = (int) accepted.stream().filter(id -> !known.contains(id)).count();
    return new FaultTally(
        scenario,
        accepted.size(),
        check.count("SUCCEEDED"),
        check.count("FAILED"),
        check.count("UNKNOWN"),
        lost,
        check.duplicated,
        check.falseStatus,
        check.outOfOrder,
        check.stuck,
        serverErrors,
        recovery,
        check.findings);
  }

  private Map<String, List<JsonObject>> awaitFinal(Instant until) throws InterruptedException {
    while (true) {
      Map<String, List<JsonObject>> byBot = new HashMap<>();
      boolean settled = true;
      for (String name : names) {
        HttpJson.Answer page = ManagementApi.get(token, "/commands?bot=" + name + "&size=100");
        List<JsonObject> commands =
            page.status() == 200
                ? page.json().getJsonArray("items").getValuesAs(JsonObject.class)
                : List.of();
        settled &= page.status() == 200;
        settled &= commands.stream().noneMatch(c -> UNFINISHED.contains(c.getString("status")));
        byBot.put(name, commands);
      }
      if (settled || Instant.now().isAfter(until)) {
        return byBot;
      }
      Thread.sleep(250);
    }
  }

  /** How many trades (open or closed) carry each tag at the bot. */
  private static Map<String, Integer> tagCounts(SimulatorProcess bot) {
    Map<String, Integer> counts = new HashMap<>();
    JsonArray open = HttpJson.send(bot.request("status").GET()).jsonArray();
    JsonArray closed =
        HttpJson.send(bot.request("trades?limit=500").GET()).json().getJsonArray("trades");
    for (JsonArray trades : List.of(open, closed)) {
      for (JsonValue trade : trades) {
        if (trade.asJsonObject().get("enter_tag") instanceof JsonString tag) {
          counts.merge(tag.getString(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The checks of every command of the fleet against its bot. */
  private static final class Reconciliation {
    private final Map<String, Integer> statuses = new HashMap<>();
    private final List<String> findings = new ArrayList<>();
    private int duplicated;
    private int falseStatus;
    private int outOfOrder;
    private int stuck;

    int count(String status) {
      return statuses.getOrDefault(status, 0);
    }

    /** Checks a bot's commands; effects only of those created from {@code effectsFrom} on. */
    void bot(List<JsonObject> commands, Map<String, Integer> tags, Instant effectsFrom) {
      List<JsonObject> ordered = new ArrayList<>(commands);
      ordered.sort(
          Comparator.comparing((JsonObject c) -> Instant.parse(c.getString("createdAt")))
              .thenComparing(c -> c.getString("id")));
      Instant previousEnd = Instant.MIN;
      for (JsonObject command : ordered) {
        String status = command.getString("status");
        statuses.merge(status, 1, Integer::sum);
        if (UNFINISHED.contains(status)) {
          stuck++;
          findings.add("stuck " + status + ": " + command);
        }
        if ("forceenter".equals(command.getString("type"))
            && !Instant.parse(command.getString("createdAt")).isBefore(effectsFrom)) {
          effect(command, tags.getOrDefault("multibot:" + command.getString("id"), 0));
        }
        previousEnd = order(command, previousEnd);
      }
    }

    private void effect(JsonObject command, int trades) {
      String status = command.getString("status");
      if (trades > 1) {
        duplicated++;
        findings.add(trades + " trades for " + command);
      } else if ("SUCCEEDED".equals(status) && trades == 0
          || NO_EFFECT.contains(status) && trades == 1) {
        falseStatus++;
        findings.add(status + " with " + trades + " trade(s): " + command);
      }
    }

    /** A command that ran must have started after the previous one that ran had finished. */
    private Instant order(JsonObject command, Instant previousEnd) {
      if (!command.containsKey("startedAt") || !command.containsKey("finishedAt")) {
        return previousEnd;
      }
      Instant started = Instant.parse(command.getString("startedAt"));
      if (started.isBefore(previousEnd)) {
        outOfOrder++;
        findings.add("started before the previous command of its bot finished: " + command);
      }
      return Instant.parse(command.getString("finishedAt"));
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (SimulatorProcess bot : bots) {
      bot.close();
    }
  }
}
