package io.multibot.common.json;

import io.multibot.common.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Compares a JSON document with the Java type it is about to be mapped onto: strings only into
 * strings, booleans only into booleans, integral numbers within range into integer fields, finite
 * numbers into decimal fields. Records are walked member by member; {@code JsonValue} fields take
 * anything (their own validator decides).
 */
final class JsonTypeCheck {

  private static final BigDecimal DOUBLE_MAX = BigDecimal.valueOf(Double.MAX_VALUE);

  private final List<FieldError> errors = new ArrayList<>();

  private JsonTypeCheck() {}

  static List<FieldError> errors(JsonValue value, Type type) {
    JsonTypeCheck check = new JsonTypeCheck();
    check.value("", value, type);
    return check.errors;
  }

  private void value(String path, JsonValue value, Type type) {
    if (value.getValueType() == JsonValue.ValueType.NULL || isJsonValue(type)) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw == String.class || raw.isEnum()) {
      text(path, value);
    } else if (raw == Boolean.class || raw == boolean.class) {
      bool(path, value);
    } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
      number(path, value, raw);
    } else {
      structure(path, value, type, raw);
    }
  }

  private void structure(String path, JsonValue value, Type type, Class<?> raw) {
    if (Collection.class.isAssignableFrom(raw)) {
      array(path, value, type);
    } else if (Map.class.isAssignableFrom(raw)) {
      map(path, value, type);
    } else if (raw.isRecord()) {
      record(path, value, raw);
    }
  }

  private void text(String path, JsonValue value) {
    if (expect(path, value, JsonValue.ValueType.STRING, "a string")
        && ((JsonString) value).getString().indexOf('\u0000') >= 0) {
      errors.add(new FieldError(path, "must not contain the NUL character (\\u0000)"));
    }
  }

  private void bool(String path, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.TRUE
        && value.getValueType() != JsonValue.ValueType.FALSE) {
      wrong(path, value, "true or false");
    }
  }

  private void record(String path, JsonValue value, Class<?> raw) {
    if (!expect(path, value, JsonValue.ValueType.OBJECT, "an object")) {
      return;
    }
    JsonObject object = value.asJsonObject();
    for (RecordComponent component : raw.getRecordComponents()) {
      String name = name(component);
      JsonValue member = object.get(name);
      if (member != null) {
        value(join(path, name), member, component.getGenericType());
      }
    }
  }

  private void array(String path, JsonValue value, Type type) {
    if (!expect(path, value, JsonValue.ValueType.ARRAY, "an array")) {
      return;
    }
    Type element = argument(type, 0);
    JsonArray array = value.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      value(path + "[" + i + "]", array.get(i), element);
    }
  }

  private void map(String path, JsonValue value, Type type) {
    if (!expect(path, value, JsonValue.ValueType.OBJECT, "an object")) {
      return;
    }
    Type element = argument(type, 1);
    value.asJsonObject().forEach((key, member) -> value(join(path, key), member, element));
  }

  private void number(String path, JsonValue value, Class<?> raw) {
    if (!expect(path, value, JsonValue.ValueType.NUMBER, "a number")) {
      return;
    }
    BigDecimal number = ((JsonNumber) value).bigDecimalValue();
    if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      decimal(path, number, raw == Float.class || raw == float.class);
    } else if (raw == BigDecimal.class) {
      return;
    } else {
      integral(path, number, raw);
    }
  }

  private void decimal(String path, BigDecimal number, boolean single) {
    BigDecimal max = single ? BigDecimal.valueOf(Float.MAX_VALUE) : DOUBLE_MAX;
    if (number.abs().compareTo(max) > 0) {
      errors.add(new FieldError(path, "is out of range: at most " + max.toString() + " in size"));
    } else if (number.signum() != 0 && number.doubleValue() == 0.0) {
      errors.add(new FieldError(path, "is too small to be represented: it would become 0"));
    }
  }

  private void integral(String path, BigDecimal number, Class<?> raw) {
    BigInteger whole;
    try {
      whole = number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      errors.add(new FieldError(path, "must be a whole number"));
      return;
    }
    long[] range = range(raw);
    if (whole.compareTo(BigInteger.valueOf(range[0])) < 0
        || whole.compareTo(BigInteger.valueOf(range[1])) > 0) {
      errors.add(
          new FieldError(
              path, "is out of range: must be between " + range[0] + " and " + range[1]));
    }
  }

  private static long[] range(Class<?> raw) {
    if (raw == Integer.class || raw == int.class) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    }
    if (raw == Short.class || raw == short.class) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    }
    if (raw == Byte.class || raw == byte.class) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    }
    return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
  }

  private boolean expect(String path, JsonValue value, JsonValue.ValueType type, String what) {
    if (value.getValueType() == type) {
      return true;
    }
    wrong(path, value, what);
    return false;
  }

  private void wrong(String path, JsonValue value, String what) {
    errors.add(
        new FieldError(
            path.isEmpty() ? "(body)" : path,
            "must be " + what + ", not " + StrictJson.article(value.getValueType())));
  }

  private static boolean isJsonValue(Type type) {
    return JsonValue.class.isAssignableFrom(raw(type)) || raw(type) == Object.class;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length > index) {
      return parameterized.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static String name(RecordComponent component) {
    JsonbProperty property = component.getAnnotation(JsonbProperty.class);
    if (property == null && component.getAccessor() != null) {
      property = component.getAccessor().getAnnotation(JsonbProperty.class);
    }
    return property == null || property.value().isEmpty() ? component.getName() : property.value();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
