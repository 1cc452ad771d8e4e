package io.multibot.management.notify;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A rule's definition as stored: one JSON object. */
final class RuleJson {

  private RuleJson() {}

  static String write(RuleDefinition rule) {
    JsonObjectBuilder json =
        Jsons.createObjectBuilder()
            .add(
                "events",
                array(
                    rule.events().stream()
                        .map(AlertType::wire)
                        .collect(Collectors.toCollection(TreeSet::new))))
            .add("bots", array(rule.bots()))
            .add("tags", array(rule.tags()))
            .add("minSeverity", rule.minSeverity().wire())
            .add("channels", array(rule.channels()))
            .add("dedupWindow", rule.dedupWindow().toString())
            .add("sendResolved", rule.sendResolved())
            .add("tradeLossPercent", rule.tradeLossPercent());
    QuietHours quiet = rule.quietHours();
    if (quiet != null) {
      json.add(
          "quietHours",
          Jsons.createObjectBuilder()
              .add("from", quiet.from().toString())
              .add("to", quiet.to().toString())
              .add("zone", quiet.zone().getId()));
    }
    return json.build().toString();
  }

  static RuleDefinition read(String stored) {
    try (var reader = Jsons.createReader(new StringReader(stored))) {
      JsonObject o = reader.readObject();
      Set<AlertType> events =
          strings(o, "events").stream()
              .flatMap(e -> AlertType.parse(e).stream())
              .collect(Collectors.toSet());
      JsonObject quiet = o.getJsonObject("quietHours");
      return new RuleDefinition(
          events,
          strings(o, "bots"),
          strings(o, "tags"),
          Severity.parse(o.getString("minSeverity")).orElse(Severity.INFO),
          strings(o, "channels"),
          Duration.parse(o.getString("dedupWindow")),
          quiet == null
              ? null
              : new QuietHours(
                  LocalTime.parse(quiet.getString("from")),
                  LocalTime.parse(quiet.getString("to")),
                  ZoneId.of(quiet.getString("zone"))),
          o.getBoolean("sendResolved", true),
          o.containsKey("tradeLossPercent")
              ? o.getJsonNumber("tradeLossPercent").doubleValue()
              : 0);
    }
  }

  private static JsonArrayBuilder array(Collection<String> values) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static List<String> strings(JsonObject o, String name) {
    return o.containsKey(name)
        ? o.getJsonArray(name).getValuesAs(JsonString::getString)
        : List.of();
  }
}
