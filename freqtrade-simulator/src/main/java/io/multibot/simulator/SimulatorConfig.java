package io.multibot.simulator;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A freqtrade configuration as freqtrade builds it: config files merged in order (later files
 * override earlier ones, objects merged key by key), then {@code FREQTRADE__SECTION__KEY}
 * environment variables on top.
 */
public final class SimulatorConfig {

  static final String ENV_PREFIX = "FREQTRADE__";

  private final JsonObject json;

  SimulatorConfig(JsonObject json) {
    this.json = json;
  }

  public static SimulatorConfig load(List<Path> files, Map<String, String> environment)
      throws IOException {
    JsonObject merged = JsonValue.EMPTY_JSON_OBJECT;
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          JsonReader json = Jsons.createReader(reader)) {
        merged = merge(merged, json.readObject());
      }
    }
    return new SimulatorConfig(withEnvironment(merged, environment));
  }

  /**
   * {@code override} on top of {@code base}; nested objects are merged, everything else replaced.
   */
  static JsonObject merge(JsonObject base, JsonObject override) {
    JsonObjectBuilder result = Jsons.createObjectBuilder(base);
    override.forEach(
        (key, value) -> {
          JsonValue existing = base.get(key);
          boolean bothObjects =
              existing != null
                  && existing.getValueType() == JsonValue.ValueType.OBJECT
                  && value.getValueType() == JsonValue.ValueType.OBJECT;
          result.add(
              key, bothObjects ? merge(existing.asJsonObject(), value.asJsonObject()) : value);
        });
    return result.build();
  }

  static JsonObject withEnvironment(JsonObject config, Map<String, String> environment) {
    JsonObject result = config;
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (variable.getKey().startsWith(ENV_PREFIX)) {
        String[] path =
            variable.getKey().substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("__");
        result = merge(result, nested(path, 0, parse(variable.getValue())));
      }
    }
    return result;
  }

  private static JsonObject nested(String[] path, int index, JsonValue value) {
    JsonValue child = index == path.length - 1 ? value : nested(path, index + 1, value);
    return Jsons.createObjectBuilder().add(path[index], child).build();
  }

  /** Values are JSON when they parse as JSON (numbers, booleans, lists), otherwise strings. */
  private static JsonValue parse(String raw) {
    try (JsonReader reader = Jsons.createReader(new StringReader(raw))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return Jsons.createValue(raw);
    }
  }

  public JsonObject json() {
    return json;
  }

  public JsonObject section(String name) {
    JsonValue value = json.get(name);
    return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  public String text(String key, String fallback) {
    return json.get(key) instanceof JsonString text ? text.getString() : fallback;
  }

  public boolean flag(String key, boolean fallback) {
    JsonValue value = json.get(key);
    return value == null ? fallback : value == JsonValue.TRUE;
  }

  public double number(String key, double fallback) {
    return json.get(key) instanceof JsonNumber number ? number.doubleValue() : fallback;
  }
}
