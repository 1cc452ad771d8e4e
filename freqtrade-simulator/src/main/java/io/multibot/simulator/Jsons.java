package io.multibot.simulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.util.Collection;

/**
 * {@code jakarta.json.Json}'s factories on a provider looked up once: {@code Json.create*} makes a
 * service lookup on every call, which showed in every answer under load.
 */
final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }
}
