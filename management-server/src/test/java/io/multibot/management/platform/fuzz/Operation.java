package io.multibot.management.platform.fuzz;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of the OpenAPI document: method, path template, parameters and the JSON body schema
 * (references resolved against the document's components).
 */
record Operation(
    String method,
    String path,
    List<Parameter> parameters,
    JsonObject bodySchema,
    Map<String, JsonObject> components,
    boolean streams) {

  /** A path, query or header parameter and its schema. */
  record Parameter(String name, String in, JsonObject schema) {}

  /** Every operation of the document, in document order. */
  static List<Operation> all(JsonObject document) {
    Map<String, JsonObject> components = schemas(document);
    List<Operation> operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) ->
                            operations.add(
                                of(
                                    method.toUpperCase(Locale.ROOT),
                                    path,
                                    operation.asJsonObject(),
                                    components))));
    return operations;
  }

  private static Operation of(
      String method, String path, JsonObject operation, Map<String, JsonObject> components) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonValue parameter :
        operation.getJsonArray("parameters") == null
            ? List.<JsonValue>of()
            : operation.getJsonArray("parameters")) {
      JsonObject p = parameter.asJsonObject();
      parameters.add(
          new Parameter(
              p.getString("name"),
              p.getString("in"),
              p.containsKey("schema") ? p.getJsonObject("schema") : JsonValue.EMPTY_JSON_OBJECT));
    }
    JsonObject body = null;
    JsonObject requestBody = operation.getJsonObject("requestBody");
    if (requestBody != null && requestBody.getJsonObject("content") != null) {
      JsonObject json = requestBody.getJsonObject("content").getJsonObject("application/json");
      body = json == null ? null : json.getJsonObject("schema");
    }
    return new Operation(method, path, parameters, body, components, streams(operation));
  }

  /**
   * Whether the operation answers with a stream that stays open (Server-Sent Events): the fuzzer
   * leaves those out (each request would wait for its timeout); {@code LiveEventsIT} sends them
   * hostile input itself.
   */
  private static boolean streams(JsonObject operation) {
    JsonObject responses = operation.getJsonObject("responses");
    JsonObject ok = responses == null ? null : responses.getJsonObject("200");
    JsonObject content = ok == null ? null : ok.getJsonObject("content");
    return content != null && content.containsKey("text/event-stream");
  }

  private static Map<String, JsonObject> schemas(JsonObject document) {
    JsonObject components = document.getJsonObject("components");
    if (components == null || components.getJsonObject("schemas") == null) {
      return Map.of();
    }
    Map<String, JsonObject> schemas = new java.util.HashMap<>();
    components
        .getJsonObject("schemas")
        .forEach((name, schema) -> schemas.put(name, schema.asJsonObject()));
    return schemas;
  }

  /** The schema itself, or the component it refers to. */
  JsonObject resolve(JsonObject schema) {
    if (schema != null && schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      return components.getOrDefault(
          ref.substring(ref.lastIndexOf('/') + 1), JsonValue.EMPTY_JSON_OBJECT);
    }
    return schema == null ? JsonValue.EMPTY_JSON_OBJECT : schema;
  }

  List<Parameter> in(String where) {
    return parameters.stream().filter(p -> p.in().equals(where)).toList();
  }

  /** The body's top-level properties, in schema order. */
  List<String> bodyFields() {
    JsonObject properties = resolve(bodySchema).getJsonObject("properties");
    return properties == null ? List.of() : List.copyOf(properties.keySet());
  }

  /**
   * Operations that act on the whole fleet without a body to get wrong (emergency stop, start-all,
   * ...): only requests refused before they run are sent to them.
   */
  boolean fleetWide() {
    return path.contains("/emergency") || path.startsWith("/api/v1/commands/{action}");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
