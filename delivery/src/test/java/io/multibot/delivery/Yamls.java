package io.multibot.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as plain maps and lists, with small typed accessors for the checks. */
final class Yamls {

  private Yamls() {}

  /** Every non-empty document of a (multi-document) YAML text. */
  static List<Map<String, Object>> documents(String text) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml.loadAll(text)) {
      if (document instanceof Map<?, ?> map) {
        documents.add(cast(map));
      }
    }
    return documents;
  }

  static Map<String, Object> document(String text) {
    List<Map<String, Object>> documents = documents(text);
    if (documents.size() != 1) {
      throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
    }
    return documents.get(0);
  }

  /** The map under a path of keys; empty when any step is missing or not a map. */
  static Map<String, Object> map(Object node, String... path) {
    Object value = at(node, path);
    return value instanceof Map<?, ?> map ? cast(map) : Map.of();
  }

  /** The maps of the list under a path of keys; empty when missing. */
  static List<Map<String, Object>> maps(Object node, String... path) {
    Object value = at(node, path);
    List<Map<String, Object>> maps = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          maps.add(cast(map));
        }
      }
    }
    return maps;
  }

  /** The scalar under a path of keys as a string; null when missing. */
  static String string(Object node, String... path) {
    Object value = at(node, path);
    return value == null || value instanceof Map || value instanceof List ? null : value.toString();
  }

  static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
