package io.multibot.perf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management server's heap as the JVM sees it after a full collection ({@code jcmd PID GC.run},
 * then the {@code memory.usedHeap} metric), and its class histogram ({@code jcmd PID
 * GC.class_histogram}), so a growth figure is what stayed reachable, not garbage not yet collected.
 */
final class HeapProbe {

  private static final Pattern HISTOGRAM_ROW =
      Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

  private final URI base;
  private final long pid;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HeapProbe(URI base, long pid) {
    this.base = base;
    this.pid = pid;
  }

  /** One moment: heap in use after a full GC, the histogram, and REST requests served so far. */
  record Sample(long usedBytes, Map<String, long[]> histogram, long restRequests) {}

  Sample sample() throws IOException, InterruptedException {
    jcmd(false);
    Thread.sleep(1000);
    String metrics = metrics("base");
    String histogram = jcmd(true);
    return new Sample(live(histogram), histogram(histogram), restRequests(metrics));
  }

  /**
   * The bytes of live objects: the histogram's total. {@code GC.class_histogram} collects first and
   * counts in the same pause, whereas the heap metric read a second after a collection also holds
   * what the server allocated in that second (at 1,000 bots, tens of MB of garbage).
   */
  static long live(String histogram) throws IOException {
    return histogram
        .lines()
        .filter(line -> line.startsWith("Total"))
        .map(line -> line.strip().split("\\s+"))
        .filter(fields -> fields.length == 3)
        .mapToLong(fields -> Long.parseLong(fields[2]))
        .findFirst()
        .orElseThrow(() -> new IOException("no Total line in the class histogram"));
  }

  static long restRequests(String metrics) {
    return metrics
        .lines()
        .filter(line -> line.startsWith("REST_request_seconds_count{"))
        .mapToLong(HeapProbe::value)
        .sum();
  }

  /** A Prometheus sample line's value: the text after its last space. */
  private static long value(String line) {
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** {@code GC.class_histogram}'s rows: class name → {instances, bytes}. */
  static Map<String, long[]> histogram(String text) {
    Map<String, long[]> histogram = new HashMap<>();
    for (Matcher row = HISTOGRAM_ROW.matcher(text); row.find(); ) {
      histogram.put(
          row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
    }
    return histogram;
  }

  private String metrics(String scope) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(base.resolve("/metrics?scope=" + scope))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return answer.body();
  }

  /** {@code jcmd PID GC.class_histogram}, or {@code GC.run}: a full collection. */
  private String jcmd(boolean histogram) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(JCMD.toString());
    builder.command().add(Long.toString(pid));
    builder.command().add(histogram ? "GC.class_histogram" : "GC.run");
    Process process = builder.redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (process.waitFor() != 0) {
      throw new IOException("jcmd " + pid + " failed: " + output);
    }
    return output;
  }
}
