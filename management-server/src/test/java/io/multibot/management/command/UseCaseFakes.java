package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import io.multibot.common.testing.MutableClock;
import io.multibot.management.bot.BotTarget;
import io.multibot.management.bot.CommandTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command use cases' collaborators as plain objects: bots in a map, a dispatch port that
 * records what it was given, metrics that count, and a clock the test moves.
 */
final class UseCaseFakes {

  final InMemoryCommands commands = new InMemoryCommands();
  final Map<String, BotTarget> bots = new LinkedHashMap<>();
  final List<String> dispatched = new ArrayList<>();
  final List<String> commanded = new ArrayList<>();
  final List<String> metrics = new ArrayList<>();
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

  final CommandDispatch dispatch = dispatched::add;

  final CommandMetrics countingMetrics =
      new CommandMetrics() {
        @Override
        public void accepted(CommandType type) {
          metrics.add("accepted " + type);
        }

        @Override
        public void finished(CommandType type, CommandStatus status, Duration latency) {
          metrics.add("finished " + type + " " + status);
        }
      };

  final CommandTargets targets =
      new CommandTargets() {
        @Override
        public BotTarget target(String idOrName) {
          return targetIfExists(idOrName)
              .or(() -> bots.values().stream().filter(b -> b.name().equals(idOrName)).findFirst())
              .orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "no bot " + idOrName));
        }

        @Override
        public Optional<BotTarget> targetIfExists(String id) {
          return Optional.ofNullable(bots.get(id));
        }

        @Override
        public List<BotTarget> targets(List<String> idsOrNames, List<String> tags, boolean all) {
          return all ? List.copyOf(bots.values()) : idsOrNames.stream().map(this::target).toList();
        }

        @Override
        public String id(String idOrName) {
          return target(idOrName).id();
        }

        @Override
        public void commanded(List<String> botIds, CommandType type) {
          botIds.forEach(id -> commanded.add(id + " " + type));
        }
      };

  /** An external bot the gateways can reach. */
  BotTarget reachable(String id, String name) {
    BotTarget bot =
        new BotTarget(
            id,
            name,
            Optional.of(new BotTarget.Address("http://127.0.0.1:8080", "ft", "secret")),
            Optional.empty());
    bots.put(id, bot);
    return bot;
  }

  /** A bot without API address or credentials yet. */
  BotTarget unreachable(String id, String name) {
    BotTarget bot = new BotTarget(id, name, Optional.empty(), Optional.empty());
    bots.put(id, bot);
    return bot;
  }

  CommandService commandService() {
    return new CommandService(commands, targets, dispatch, countingMetrics, null, clock);
  }

  BatchService batchService() {
    return new BatchService(targets, commands, dispatch, countingMetrics, null, clock);
  }
}
