package io.multibot.simulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last log records kept in memory for {@code GET /logs}, as freqtrade's buffer handler keeps
 * them: {@code [time, timestamp, logger, level, message]}.
 */
final class LogBuffer {

  static final int CAPACITY = 1000;

  private final Deque<Entry> entries = new ArrayDeque<>();

  private record Entry(Instant time, String logger, String level, String message) {}

  synchronized void add(Instant time, String logger, String level, String message) {
    entries.addLast(new Entry(time, logger, level, message));
    if (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
  }

  /** The last {@code limit} records (all with {@code null}), oldest first. */
  synchronized JsonObject logs(Integer limit) {
    List<Entry> all = List.copyOf(entries);
    List<Entry> chosen =
        limit == null || limit >= all.size() ? all : all.subList(all.size() - limit, all.size());
    JsonArrayBuilder logs = Jsons.createArrayBuilder();
    for (Entry entry : chosen) {
      logs.add(
          Jsons.createArrayBuilder()
              .add(TradeJson.DATE.format(entry.time()))
              .add(entry.time().toEpochMilli() / 1000.0)
              .add(entry.logger())
              .add(entry.level())
              .add(entry.message()));
    }
    return Jsons.createObjectBuilder().add("log_count", chosen.size()).add("logs", logs).build();
  }
}
