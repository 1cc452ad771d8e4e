package io.multibot.simulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code /health} (when the main loop last ran, when the bot started), {@code /sysinfo} and {@code
 * /logs}.
 */
final class InfoReports {

  private static final DateTimeFormatter PYTHON_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final Instant botStart;
  private final LogBuffer logs;

  InfoReports(Instant botStart, LogBuffer logs) {
    this.botStart = botStart;
    this.logs = logs;
  }

  Instant botStart() {
    return botStart;
  }

  /** Timestamps as freqtrade gives them: Python's {@code str(datetime)} and epoch seconds. */
  JsonObject health(Instant lastProcess) {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    moment(json, "last_process", lastProcess);
    moment(json, "bot_start", botStart);
    moment(json, "bot_startup", botStart);
    return json.build();
  }

  private static void moment(JsonObjectBuilder json, String name, Instant time) {
    if (time == null) {
      json.add(name, JsonValue.NULL)
          .add(name + "_loc", JsonValue.NULL)
          .add(name + "_ts", JsonValue.NULL);
    } else {
      String text = PYTHON_DATETIME.format(time);
      json.add(name, text).add(name + "_loc", text).add(name + "_ts", time.getEpochSecond());
    }
  }

  /** CPU per core (the JVM sees only the whole machine, so each core shows the average) and RAM. */
  JsonObject sysinfo() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    double cpu = 0;
    double ram = 0;
    if (os instanceof com.sun.management.OperatingSystemMXBean platform) {
      cpu = Math.max(0, platform.getCpuLoad()) * 100;
      long total = platform.getTotalMemorySize();
      ram = total > 0 ? 100.0 * (total - platform.getFreeMemorySize()) / total : 0;
    }
    JsonArrayBuilder cores = Jsons.createArrayBuilder();
    for (int i = 0; i < os.getAvailableProcessors(); i++) {
      cores.add(Math.round(cpu * 10) / 10.0);
    }
    return Jsons.createObjectBuilder()
        .add("cpu_pct", cores)
        .add("ram_pct", Math.round(ram * 10) / 10.0)
        .build();
  }

  JsonObject logs(Integer limit) {
    return logs.logs(limit);
  }
}
