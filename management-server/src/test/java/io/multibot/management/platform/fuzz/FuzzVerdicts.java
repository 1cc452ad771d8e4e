package io.multibot.management.platform.fuzz;

import io.multibot.common.problem.ProblemType;
import io.multibot.common.testing.EdgeContract;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges every answer of a fuzz run and keeps the tally: a 5xx, an error that is not a problem
 * document of a known type, Java internals in a body, or a forged {@code Location} is a violation.
 */
final class FuzzVerdicts {

  static final Set<String> KNOWN_TYPES =
      Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toSet());

  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final Map<String, Integer> byOperation = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private int requests;
  private int libertyRefusals;

  /**
   * The two answers Liberty gives before any application, error page or configuration of ours can:
   * a request line or header over the HTTP channel's limits (400 and no body at all), and a target
   * that does not decode (a fixed 400 message quoting the target HTML-escaped, CWWWC0005I). Neither
   * carries internals; they are counted apart in the report.
   */
  static boolean refusedByLibertysHttpLayer(int status, String contentType, String body) {
    boolean noBody =
        body.isEmpty()
            && contentType == null
            && (status == 400 || status == 413 || status == 414 || status == 431);
    boolean undecodable =
        status == 400
            && body.contains("CWWWC0005I: The request URI has invalid")
            && !body.contains("\tat ")
            && !body.contains("Exception");
    return noBody || undecodable;
  }

  void judge(
      String operation,
      String request,
      int status,
      String contentType,
      String body,
      String location) {
    requests++;
    byStatus.merge(status, 1, Integer::sum);
    byOperation.merge(operation, 1, Integer::sum);
    if (refusedByLibertysHttpLayer(status, contentType, body)) {
      libertyRefusals++;
      return;
    }
    String problem = problem(status, contentType, body);
    if (problem == null && body.contains("\tat ")) {
      problem = "a stack trace in the body";
    }
    if (problem == null && location != null && location.contains("evil.example")) {
      problem = "Location built from the Host header: " + location;
    }
    if (problem != null && violations.size() < 200) {
      violations.add(request + " -> " + status + ": " + problem);
    }
  }

  private static String problem(int status, String contentType, String body) {
    if (status >= 500 || status < 100) {
      return "server error " + status + " " + shorten(body);
    }
    if (status < 400) {
      return null;
    }
    if (contentType == null || !contentType.startsWith("application/problem+json")) {
      return "error answered as " + contentType + ": " + shorten(body);
    }
    String type;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject document = reader.readObject();
      type = document.getString("type", "");
    } catch (RuntimeException e) {
      return "error body is not a JSON object: " + shorten(body);
    }
    if (!KNOWN_TYPES.contains(type)) {
      return "unknown problem type " + type;
    }
    if (EdgeContract.INTERNALS.matcher(body).find()) {
      return "internals in the body: " + shorten(body);
    }
    return null;
  }

  private static String shorten(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
  }

  int requests() {
    return requests;
  }

  int serverErrors() {
    return byStatus.entrySet().stream()
        .filter(e -> e.getKey() >= 500)
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  List<String> violations() {
    return violations;
  }

  /** A Markdown report: requests by status and by operation, and every violation. */
  void write(Path report, long seed) throws IOException {
    StringBuilder text = new StringBuilder("# API fuzz run\n\n");
    text.append("Seed ")
        .append(seed)
        .append(", ")
        .append(requests)
        .append(" requests, ")
        .append(serverErrors())
        .append(" answered 5xx, ")
        .append(violations.size())
        .append(" violations, ")
        .append(libertyRefusals)
        .append(
            " refused by Liberty's HTTP layer before any application (over-long request line or"
                + " undecodable target: no body or a fixed message, no internals).\n\n"
                + "| status | requests |\n|---|---|\n");
    byStatus.forEach(
        (status, count) ->
            text.append("| ").append(status).append(" | ").append(count).append(" |\n"));
    text.append("\n| operation | requests |\n|---|---|\n");
    byOperation.forEach(
        (operation, count) ->
            text.append("| ").append(operation).append(" | ").append(count).append(" |\n"));
    text.append("\n## Violations\n\n");
    violations.forEach(v -> text.append("- ").append(v.replace("\n", "\\n")).append('\n'));
    Files.createDirectories(report.getParent());
    Files.writeString(report, text, StandardCharsets.UTF_8);
  }
}
