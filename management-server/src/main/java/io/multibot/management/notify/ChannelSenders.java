package io.multibot.management.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Picks the sender for a channel's type and makes one attempt. */
@ApplicationScoped
public class ChannelSenders {

  private final HttpChannelSender http;
  private final MailChannelSender mail;
  private final Clock clock;

  @Inject
  public ChannelSenders(HttpChannelSender http, MailChannelSender mail, Clock clock) {
    this.http = http;
    this.mail = mail;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected ChannelSenders() {
    this(null, null, null);
  }

  /**
   * Sends a test message to a channel now, once, and records it like any delivery.
   *
   * @throws io.multibot.common.problem.ApiException 502 with the channel's answer when it was not
   *     delivered
   */
  DeliveryView test(DeliveryService deliveries, String channel, String requestedBy) {
    DeliveryService.Attempt attempt = deliveries.queueTest(channel, requestedBy);
    SendOutcome outcome = send(attempt);
    Delivery recorded =
        deliveries.record(attempt.delivery().getId(), outcome, true).orElse(attempt.delivery());
    if (outcome.kind() != SendOutcome.Kind.SENT) {
      throw NotificationProblems.testFailed(channel, outcome.answer());
    }
    return DeliveryView.of(recorded);
  }

  SendOutcome send(DeliveryService.Attempt attempt) {
    if (attempt.unusable() != null) {
      return SendOutcome.refused(attempt.unusable());
    }
    if (attempt.channel().isEmpty()) {
      return SendOutcome.refused("the channel was deleted");
    }
    ChannelConfig channel = attempt.channel().get();
    try {
      return channel.type() == ChannelType.EMAIL
          ? mail.send(channel, attempt.delivery())
          : http.send(channel, attempt.delivery(), clock);
    } catch (RuntimeException e) {
      // a bug or a value the channel library refuses: recorded, retried, never thrown at the loop
      return SendOutcome.retry(
          channel.scrub("could not send: " + e.getClass().getSimpleName()), null);
    }
  }
}
