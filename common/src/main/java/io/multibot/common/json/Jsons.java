package io.multibot.common.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * {@code jakarta.json.Json}'s factories on one JSON provider looked up once. {@code Json.create*}
 * looks the provider up on every call ({@code JsonProvider.provider()}: a service lookup, and in
 * Liberty a {@code Class.forName} that throws before it finds the default): that was the hottest
 * frame of parsing a bot's status and of building every command result under load.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
    return PROVIDER.createObjectBuilder(map);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReaderFactory createReaderFactory(Map<String, ?> config) {
    return PROVIDER.createReaderFactory(config);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }
}
