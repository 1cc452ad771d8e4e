package io.multibot.management.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends to the HTTP channels (webhook, Slack, Discord, Teams, Telegram): one POST of JSON, no
 * redirects followed (a webhook URL that redirects is misconfigured, and following could carry the
 * body elsewhere), 5 s to connect and 10 s for the answer.
 */
@ApplicationScoped
public class HttpChannelSender {

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final int BODY_SHOWN = 300;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  SendOutcome send(ChannelConfig channel, Delivery delivery, Clock clock) {
    String body = Messages.body(channel, delivery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(address(channel)))
            .timeout(ANSWER_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Multibot-Notifications/1")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (channel.type() == ChannelType.WEBHOOK) {
      long timestamp = clock.instant().getEpochSecond();
      request
          .header("X-Multibot-Delivery", delivery.getId())
          .header("X-Multibot-Event", delivery.getEventType())
          .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
          .header(
              WebhookSignature.HEADER,
              WebhookSignature.sign(channel.secrets().signingSecret(), timestamp, body));
    }
    try {
      HttpResponse<String> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String shown = answer.statusCode() + " " + excerpt(answer.body());
      return SendOutcome.ofStatus(
          answer.statusCode(), channel.scrub(shown), retryAfter(answer).orElse(null));
    } catch (IOException e) {
      return SendOutcome.retry(
          channel.scrub("not reached: " + e.getClass().getSimpleName() + describe(e)), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendOutcome.retry("interrupted while sending", null);
    }
  }

  private static String address(ChannelConfig channel) {
    if (channel.type() == ChannelType.TELEGRAM) {
      String api = channel.settings().apiUrl();
      return (api.endsWith("/") ? api : api + "/")
          + "bot"
          + channel.secrets().botToken()
          + "/sendMessage";
    }
    return channel.secrets().url();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? "" : ": " + e.getMessage();
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").trim();
    return flat.length() > BODY_SHOWN ? flat.substring(0, BODY_SHOWN) + "…" : flat;
  }

  /** {@code Retry-After} in seconds (a date form is rare for webhooks and is ignored). */
  private static Optional<Duration> retryAfter(HttpResponse<?> answer) {
    return answer
        .headers()
        .firstValue("Retry-After")
        .filter(v -> v.matches("[0-9]{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)));
  }
}
