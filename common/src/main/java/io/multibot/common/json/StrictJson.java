package io.multibot.common.json;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body the way the API promises: exactly one JSON object, no duplicate keys, at
 * most {@value #MAX_DEPTH} levels deep, every member of the type its field declares, and every
 * number exactly representable in its field (no wrapping, rounding to zero or clamping).
 *
 * <p>Invariant: a body either maps onto the request type exactly as written or is refused — 400 for
 * a body that is not one JSON object, 422 naming each field of the wrong type or out of range.
 * Yasson alone would turn {@code 18446744073709551617} into {@code 1} and {@code "50"} into 50
 * ({@code StrictJsonTest} catches both).
 */
public final class StrictJson {

  /** Deeper bodies are refused before they are mapped; no request of ours nests half as deep. */
  public static final int MAX_DEPTH = 32;

  private static final JsonReaderFactory READERS =
      Jsons.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
  private static final Jsonb JSONB = StrictJsonbProvider.create();

  private StrictJson() {}

  /** The body as the type, or an {@link ApiException} saying what is wrong with it. */
  public static <T> T read(String body, Class<T> type) {
    JsonObject object = parse(body);
    check(object, type);
    try {
      return JSONB.fromJson(object.toString(), type);
    } catch (JsonbException e) {
      throw new ApiException(
          ProblemType.MALFORMED_REQUEST, MalformedJsonExceptionMapper.describe(e));
    }
  }

  /** The body as one JSON object; refuses anything else, duplicate keys and trailing content. */
  public static JsonObject parse(byte[] body) {
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  /** As {@link #parse(byte[])}. */
  public static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      throw malformed("The request needs a body: one JSON object.");
    }
    int nesting = nesting(body);
    if (nesting == Integer.MAX_VALUE) {
      throw malformed("The body must be exactly one JSON object; something follows it.");
    }
    if (nesting > MAX_DEPTH) {
      throw malformed("The body is nested deeper than " + MAX_DEPTH + " levels.");
    }
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw malformed(
          "The body is not valid JSON (at character "
              + e.getLocation().getStreamOffset()
              + "): one JSON object with unique keys is expected.");
    } catch (JsonException | IllegalStateException | IllegalArgumentException e) {
      throw malformed("The body is not valid JSON: one JSON object with unique keys is expected.");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed(
          "The body must be one JSON object, not " + article(value.getValueType()) + ".");
    }
    return value.asJsonObject();
  }

  /** Refuses every member whose JSON type or value does not fit the request type's field. */
  public static void check(JsonObject body, Type type) {
    List<FieldError> errors = JsonTypeCheck.errors(body, type);
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED,
          "Fields of the wrong type or out of range; nothing was changed.",
          errors);
    }
  }

  /** Reads bytes that {@link #parse} accepted, for a caller that maps them itself. */
  static ByteArrayInputStream stream(JsonObject object) {
    return new ByteArrayInputStream(object.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * How deep objects and arrays nest, counted on the text before any parser recurses into it
   * (brackets inside strings do not count; malformed text is left to the parser). More than {@value
   * #MAX_DEPTH} when anything but whitespace follows the first complete object or array: {@code
   * {}{}} is two documents, not one.
   */
  static int nesting(String body) {
    int depth = 0;
    int deepest = 0;
    int at = 0;
    while (at < body.length()) {
      char c = body.charAt(at);
      if (c == '"') {
        at = endOfString(body, at);
      } else if (c == '{' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if ((c == '}' || c == ']') && --depth == 0 && !body.substring(at + 1).isBlank()) {
        return Integer.MAX_VALUE;
      }
      at++;
    }
    return deepest;
  }

  /** The index of the quote that closes the string opened at {@code start}, or the end. */
  private static int endOfString(String body, int start) {
    int at = start + 1;
    while (at < body.length() && body.charAt(at) != '"') {
      at += body.charAt(at) == '\\' ? 2 : 1;
    }
    return at;
  }

  static String article(JsonValue.ValueType type) {
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  private static ApiException malformed(String detail) {
    return new ApiException(ProblemType.MALFORMED_REQUEST, detail);
  }
}
