package io.multibot.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One API call as the routes see it: the route below {@code /api/v1/}, the query parameters and the
 * JSON body. Reading a parameter checks it the way FastAPI does and answers its 422 otherwise.
 */
record Request(String route, Map<String, List<String>> query, JsonValue body) {

  /** A query parameter that must be an integer between {@code min} and {@code max}. */
  Integer queryInt(String name, Integer fallback, int min, int max) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    String raw = values.get(values.size() - 1);
    int value;
    try {
      value = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw invalid(
          "int_parsing",
          "query",
          name,
          "Input should be a valid integer, unable to parse string as an integer",
          raw);
    }
    if (value < min || value > max) {
      String message =
          value < min ? "greater than or equal to " + min : "less than or equal to " + max;
      throw invalid(
          value < min ? "greater_than_equal" : "less_than_equal",
          "query",
          name,
          "Input should be " + message,
          raw);
    }
    return value;
  }

  boolean queryFlag(String name) {
    List<String> values = query.get(name);
    return values != null && !values.isEmpty() && Boolean.parseBoolean(values.get(0));
  }

  JsonObject bodyObject() {
    if (!(body instanceof JsonObject object)) {
      throw invalid(
          "model_attributes_type",
          "body",
          null,
          "Input should be a valid dictionary or object to extract fields from",
          null);
    }
    return object;
  }

  /** A body field that must be a list of strings (FastAPI's 422 otherwise). */
  List<String> requiredTextList(String field) {
    JsonValue value = bodyObject().get(field);
    if (value instanceof jakarta.json.JsonArray list
        && list.stream().allMatch(v -> v instanceof JsonString)) {
      return list.getValuesAs(JsonString::getString);
    }
    throw invalid(
        value == null || value == JsonValue.NULL ? "missing" : "list_type",
        "body",
        field,
        value == null || value == JsonValue.NULL
            ? "Field required"
            : "Input should be a valid list",
        null);
  }

  String requiredText(String field) {
    JsonValue value = bodyObject().get(field);
    if (value == null || value == JsonValue.NULL) {
      throw invalid("missing", "body", field, "Field required", null);
    }
    if (!(value instanceof JsonString text)) {
      throw invalid("string_type", "body", field, "Input should be a valid string", null);
    }
    return text.getString();
  }

  /** A required field that may be a number or a string, such as forceexit's {@code tradeid}. */
  String requiredId(String field) {
    JsonValue value = bodyObject().get(field);
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return String.valueOf(number.longValue());
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw invalid(
        value == null ? "missing" : "string_type",
        "body",
        field,
        value == null ? "Field required" : "Input should be a valid string",
        null);
  }

  Double optionalNumber(String field) {
    JsonValue value = bodyObject().get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber number)) {
      throw invalid("float_parsing", "body", field, "Input should be a valid number", null);
    }
    return number.doubleValue();
  }

  String optionalText(String field, String fallback) {
    return bodyObject().get(field) instanceof JsonString text ? text.getString() : fallback;
  }

  /** FastAPI's validation error: 422 with {@code detail: [{type, loc, msg, input}]}. */
  static ApiError invalid(String type, String where, String field, String message, String input) {
    var location = Jsons.createArrayBuilder().add(where);
    if (field != null) {
      location.add(field);
    }
    var error =
        Jsons.createObjectBuilder().add("type", type).add("loc", location).add("msg", message);
    if (input != null) {
      error.add("input", input);
    }
    JsonArray detail = Jsons.createArrayBuilder().add(error).build();
    return new ApiError(422, Jsons.createObjectBuilder().add("detail", detail).build());
  }
}
