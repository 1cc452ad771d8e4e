package io.multibot.management.audit;

import io.multibot.common.json.Jsons;
import io.multibot.common.json.StrictJsonbProvider;
import io.multibot.management.platform.security.SecretFields;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;

/**
 * Turns a request body into the audit log's summary: JSON with every secret replaced by {@code ***}
 * (freqtrade's list, passwords, tokens, the whole {@code secrets} object) and long texts such as
 * strategy sources replaced by their length.
 */
final class AuditSummary {

  static final String REDACTED = "***";
  static final int MAX_TEXT = 200;
  private static final Jsonb JSONB = StrictJsonbProvider.create();

  private AuditSummary() {}

  static String of(Object body) {
    if (body == null) {
      return null;
    }
    try (JsonReader reader = Jsons.createReader(new StringReader(JSONB.toJson(body)))) {
      return redact(reader.readValue()).toString();
    } catch (RuntimeException e) {
      return "(" + body.getClass().getSimpleName() + ")";
    }
  }

  static JsonValue redact(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT -> {
        JsonObjectBuilder object = Jsons.createObjectBuilder();
        value
            .asJsonObject()
            .forEach(
                (key, child) ->
                    object.add(
                        key,
                        SecretFields.isSecret(key) ? Jsons.createValue(REDACTED) : redact(child)));
        return object.build();
      }
      case ARRAY -> {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        value.asJsonArray().forEach(child -> array.add(redact(child)));
        return array.build();
      }
      case STRING -> {
        String text = ((JsonString) value).getString();
        return text.length() > MAX_TEXT
            ? Jsons.createValue("(" + text.length() + " characters)")
            : value;
      }
      default -> {
        return value;
      }
    }
  }
}
