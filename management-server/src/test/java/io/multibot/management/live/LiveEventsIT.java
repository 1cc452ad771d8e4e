package io.multibot.management.live;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.management.command.CommandFixtures;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * {@code GET /api/v1/events} over real HTTP: a committed command shows up as events on an open
 * stream, in order and once; a console that reconnects with {@code Last-Event-ID} gets what it
 * missed; an id that cannot be replayed gets {@code reset}; no token, no stream.
 */
@MicroShedTest
class LiveEventsIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final Api admin = Api.asAdmin();
  private final List<InputStream> open = new ArrayList<>();

  /** One SSE event as the stream sent it. */
  record Event(String id, String name, String data) {
    JsonObject json() {
      return Json.createReader(new StringReader(data)).readObject();
    }
  }

  @AfterEach
  void close() throws IOException {
    for (InputStream stream : open) {
      stream.close();
    }
  }

  private BlockingQueue<Event> listen(String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.root() + "/events"))
            .header("Authorization", "Bearer " + admin.token())
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    open.add(response.body());
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(() -> read(response.body(), events), "sse-reader-" + UUID.randomUUID());
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  private static void read(InputStream body, BlockingQueue<Event> events) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (name != null || data.length() > 0) {
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (IOException e) {
      // the stream was closed by the test
    }
  }

  private static Event await(BlockingQueue<Event> events, Predicate<Event> wanted)
      throws InterruptedException {
    Instant until = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(until)) {
      Event event = events.poll(200, TimeUnit.MILLISECONDS);
      if (event != null && wanted.test(event)) {
        return event;
      }
    }
    throw new AssertionError("no such event within 20 s");
  }

  private static Predicate<Event> command(String id, String status) {
    return e ->
        "command".equals(e.name())
            && e.json().getString("id").equals(id)
            && e.json().getString("status").equals(status);
  }

  private String acceptedStop() {
    String bot =
        CommandFixtures.registerExternalBot(
            admin, "live-" + UUID.randomUUID().toString().substring(0, 8), "live-bot-password-1");
    HttpJson.Answer stop = admin.post("/bots/" + bot + "/stop", null);
    assertThat(stop.status()).as(stop.text()).isEqualTo(202);
    return stop.json().getString("id");
  }

  @Test
  void aCommittedCommandReachesAnOpenStreamInOrderAndOnce() throws Exception {
    BlockingQueue<Event> events = listen(null);

    String id = acceptedStop();

    Event accepted = await(events, command(id, "ACCEPTED"));
    assertThat(accepted.id()).isNotBlank();
    assertThat(accepted.json().getString("type")).isEqualTo("stop");
    assertThat(accepted.json().containsKey("params")).isFalse();
    Event dispatched = await(events, command(id, "DISPATCHED"));
    assertThat(number(dispatched.id())).isGreaterThan(number(accepted.id()));
    List<Event> rest = new ArrayList<>();
    events.drainTo(rest);
    assertThat(rest).noneMatch(command(id, "ACCEPTED"));
  }

  @Test
  void aReconnectingConsoleGetsWhatItMissedAndAnUnknownIdGetsReset() throws Exception {
    BlockingQueue<Event> first = listen(null);
    String id = acceptedStop();
    Event accepted = await(first, command(id, "ACCEPTED"));
    await(first, command(id, "DISPATCHED"));

    BlockingQueue<Event> again = listen(accepted.id());
    Event replayed = await(again, e -> e.id() != null);
    assertThat(number(replayed.id())).isEqualTo(number(accepted.id()) + 1);
    if (!command(id, "DISPATCHED").test(replayed)) {
      await(again, command(id, "DISPATCHED"));
    }

    for (String hostile :
        List.of(
            "not-from-this-run-42", "x-99999999999999999999999", "-1", "x--5", "x".repeat(4000))) {
      BlockingQueue<Event> stranger = listen(hostile);
      assertThat(await(stranger, e -> e.name() != null).name()).as(hostile).isEqualTo("reset");
    }
  }

  @Test
  void noTokenNoStream() {
    HttpJson.Answer anonymous =
        HttpJson.send(
            HttpRequest.newBuilder(URI.create(Api.root() + "/events"))
                .header("Accept", "text/event-stream")
                .GET());

    assertProblem(anonymous, 401, "unauthorized");
  }

  private static long number(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }
}
