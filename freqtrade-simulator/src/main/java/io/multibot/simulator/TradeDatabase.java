package io.multibot.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's stand-in for freqtrade's trade database: with {@code db_url} set to {@code
 * sqlite:///<file>}, the bot's trades are kept in that file (as JSON, not SQLite) and read back
 * when it starts again, so its history and its trade ids go on where they stopped instead of being
 * replayed from the seed (freqtrade's ids never restart either). Without {@code db_url} nothing is
 * kept: each start replays {@code history_candles}. Pair locks are not kept.
 */
final class TradeDatabase {

  private static final String SQLITE = "sqlite:///";

  private final Path file;

  private TradeDatabase(Path file) {
    this.file = file;
  }

  /** The database {@code db_url} names, or empty when it names none this simulator can keep. */
  static Optional<TradeDatabase> of(String dbUrl) {
    if (dbUrl == null || !dbUrl.startsWith(SQLITE) || dbUrl.length() == SQLITE.length()) {
      return Optional.empty();
    }
    return Optional.of(new TradeDatabase(Path.of(dbUrl.substring(SQLITE.length()))));
  }

  /** The trades kept, or empty when there is no database yet (a first start). */
  Optional<List<Trade>> load() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (JsonReader reader =
        Jsons.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      JsonArray stored = reader.readArray();
      List<Trade> trades = new ArrayList<>();
      for (JsonObject trade : stored.getValuesAs(JsonObject.class)) {
        trades.add(read(trade));
      }
      return Optional.of(trades);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trade database " + file, e);
    }
  }

  /** Replaces what is kept with these trades (written aside, then moved over the old file). */
  void save(List<Trade> trades) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    trades.forEach(t -> array.add(write(t)));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path next = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(next, array.build().toString(), StandardCharsets.UTF_8);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trade database " + file, e);
    }
  }

  private static JsonObject write(Trade t) {
    var json =
        Jsons.createObjectBuilder()
            .add("id", t.id())
            .add("pair", t.pair())
            .add("stake", t.stake())
            .add("open_rate", t.openRate())
            .add("open_date", t.openDate().toString())
            .add(
                "enter_tag",
                t.enterTag() == null ? JsonValue.NULL : Jsons.createValue(t.enterTag()))
            .add("stoploss", t.stoploss())
            .add("max_rate", t.maxRate())
            .add("min_rate", t.minRate());
    if (!t.isOpen()) {
      json.add("close_rate", t.closeRate())
          .add("close_date", t.closeDate().toString())
          .add("exit_reason", t.exitReason());
    }
    return json.build();
  }

  private static Trade read(JsonObject json) {
    Trade trade =
        new Trade(
            json.getInt("id"),
            json.getString("pair"),
            json.getJsonNumber("stake").doubleValue(),
            json.getJsonNumber("open_rate").doubleValue(),
            Instant.parse(json.getString("open_date")),
            new Trade.Entry(
                json.isNull("enter_tag") ? null : json.getString("enter_tag"),
                json.getJsonNumber("stoploss").doubleValue()));
    trade.observe(json.getJsonNumber("max_rate").doubleValue());
    trade.observe(json.getJsonNumber("min_rate").doubleValue());
    if (json.containsKey("close_rate")) {
      trade.close(
          json.getJsonNumber("close_rate").doubleValue(),
          Instant.parse(json.getString("close_date")),
          json.getString("exit_reason"));
    }
    return trade;
  }
}
