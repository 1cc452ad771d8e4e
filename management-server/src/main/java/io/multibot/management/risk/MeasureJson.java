package io.multibot.management.risk;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** Figures as stored with a tripped policy: a JSON array. */
final class MeasureJson {

  private MeasureJson() {}

  static String write(List<Measure> measures) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    for (Measure m : measures) {
      array.add(
          Jsons.createObjectBuilder()
              .add("group", m.group())
              .add("value", m.value())
              .add("breached", m.breached())
              .add("bots", Jsons.createArrayBuilder(m.bots())));
    }
    return array.build().toString();
  }

  static List<Measure> read(String stored) {
    try (var reader = Jsons.createReader(new StringReader(stored))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(
              o ->
                  new Measure(
                      o.getString("group"),
                      o.getJsonNumber("value").doubleValue(),
                      o.getBoolean("breached"),
                      o.getJsonArray("bots").getValuesAs(JsonString::getString)))
          .toList();
    }
  }
}
