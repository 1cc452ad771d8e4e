package io.multibot.management.platform.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds requests for an operation: a plausible base (path parameters that reach a resource, a body
 * with every field of its schema) with exactly one part made hostile.
 */
final class FuzzRequests {

  /** Path tricks sent as they are (already percent-encoded). */
  static final List<String> RAW_PATH_TRICKS =
      List.of("a%2fb", "%2e%2e", "a%5cb", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "x%00y", "%ff%fe");

  private final Map<String, String> knownValues;

  /** Path parameter values that exist (a bot id, a strategy name) by parameter name. */
  FuzzRequests(Map<String, String> knownValues) {
    this.knownValues = knownValues;
  }

  /** The operation's path with its parameters filled in, one of them replaced by {@code raw}. */
  String path(Operation operation, String parameter, String raw) {
    String path = operation.path();
    for (Operation.Parameter p : operation.in("path")) {
      String value =
          p.name().equals(parameter) ? raw : encode(base(operation, p.name(), p.schema()));
      path = path.replace("{" + p.name() + "}", value);
    }
    return path;
  }

  /** The path with one query parameter set to a hostile value. */
  String withQuery(String path, String name, String value) {
    return path + "?" + encode(name) + "=" + encode(value);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String base(Operation operation, String name, JsonObject schema) {
    boolean writes = !"GET".equals(operation.method()) && !"POST".equals(operation.method());
    if (schema.containsKey("pattern")) {
      return schema.getString("pattern").split("\\|")[0];
    }
    if (writes) {
      return "fuzz-missing";
    }
    return knownValues.getOrDefault(name, "fuzz-missing");
  }

  /** A body with a value of the right type for every field of the schema. */
  JsonObject baseBody(Operation operation) {
    JsonValue value = baseValue(operation, operation.bodySchema(), 0);
    return value.getValueType() == JsonValue.ValueType.OBJECT
        ? value.asJsonObject()
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  private JsonValue baseValue(Operation operation, JsonObject raw, int depth) {
    JsonObject schema = operation.resolve(raw);
    String type = schema.getString("type", "object");
    return switch (type) {
      case "string" -> Json.createValue("fuzz");
      case "integer" -> Json.createValue(1);
      case "number" -> Json.createValue(1.5);
      case "boolean" -> JsonValue.TRUE;
      case "array" -> JsonValue.EMPTY_JSON_ARRAY;
      default -> object(operation, schema, depth);
    };
  }

  private JsonValue object(Operation operation, JsonObject schema, int depth) {
    JsonObject properties = schema.getJsonObject("properties");
    if (properties == null || depth > 3) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    JsonObjectBuilder object = Json.createObjectBuilder();
    properties.forEach(
        (name, property) ->
            object.add(name, baseValue(operation, property.asJsonObject(), depth + 1)));
    return object.build();
  }

  /** Whole bodies that are not one well-formed JSON object of reasonable size. */
  static List<byte[]> malformedBodies(JsonObject base) {
    String json = base.toString();
    String duplicate =
        json.length() > 2 ? "{\"a\":1,\"a\":2," + json.substring(1) : "{\"a\":1,\"a\":2}";
    return List.of(
        bytes("null"),
        bytes("[" + json + "]"),
        bytes(json + json),
        bytes(json + " trailing"),
        bytes("\"just a string\""),
        bytes(duplicate),
        bytes(HostileValues.deepObject(200).toString()),
        bytes(""),
        bytes("{\"unclosed\": "),
        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
        bytes("{\"huge\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A compact description of a body for a report: its first characters. */
  static String describe(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8);
    return body.length > 60 ? text + "...(" + body.length + " bytes)" : text;
  }

  /** The field's value replaced, the rest of the body unchanged. */
  static JsonObject replace(JsonObject body, String field, JsonValue value) {
    return Json.createObjectBuilder(body).add(field, value).build();
  }

  static String queryString(Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&");
    parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
    return query.toString();
  }

  static boolean isEmpty(JsonArray array) {
    return array == null || array.isEmpty();
  }
}
