package io.multibot.management.notify;

import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.secrets.SecretUnreadableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The delivery queue's steps, each in its own short transaction (never one held open while a
 * channel is called): find what is due, lease one, record what the attempt came to.
 *
 * <p>Invariant: a delivery is leased before it is sent and its outcome is recorded only if it is
 * still open, so a message is sent at least once (a sender that dies mid-send leaves the lease to
 * run out and the message to be sent again) and a recorded {@code sent} is never turned back.
 */
@ApplicationScoped
public class DeliveryService {

  private final NotificationStore store;
  private final ChannelService channels;
  private final Clock clock;
  private final Duration lease;
  private final RetryPolicy retries;

  @Inject
  public DeliveryService(
      NotificationStore store,
      ChannelService channels,
      Clock clock,
      @ConfigProperty(name = "notifications.lease", defaultValue = "PT2M") Duration lease,
      @ConfigProperty(name = "notifications.retry.first", defaultValue = "PT5S") Duration first,
      @ConfigProperty(name = "notifications.retry.max-wait", defaultValue = "PT10M")
          Duration maxWait,
      @ConfigProperty(name = "notifications.give-up-after", defaultValue = "PT24H")
          Duration giveUpAfter) {
    this.store = store;
    this.channels = channels;
    this.clock = clock;
    this.lease = lease;
    this.retries = new RetryPolicy(first, maxWait, giveUpAfter);
  }

  /** For CDI's proxy only. */
  protected DeliveryService() {
    this(
        null,
        null,
        null,
        Duration.ofMinutes(2),
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofDays(1));
  }

  /**
   * A leased delivery and its channel (empty when the channel was deleted, or {@code unusable} says
   * why it cannot be used).
   */
  record Attempt(Delivery delivery, Optional<ChannelConfig> channel, String unusable) {}

  @Transactional
  public List<String> due(int limit) {
    return store.due(clock.instant(), limit);
  }

  /** Leases a due delivery; empty if another sender took it first. */
  @Transactional
  public Optional<Attempt> take(String id) {
    Instant now = clock.instant();
    if (!store.lease(id, now, now.plus(lease))) {
      return Optional.empty();
    }
    return store.delivery(id).map(this::attempt);
  }

  private Attempt attempt(Delivery delivery) {
    try {
      return new Attempt(delivery, channels.config(delivery.getChannel()), null);
    } catch (SecretUnreadableException e) {
      return new Attempt(
          delivery,
          Optional.empty(),
          "the channel's secrets cannot be decrypted with the configured keys");
    }
  }

  /** Whether the channel may send one more now, under its rate per minute. */
  @Transactional
  public boolean withinRate(ChannelConfig channel) {
    Instant since = clock.instant().minus(Duration.ofMinutes(1));
    return store.sentSince(channel.name(), since) < channel.ratePerMinute();
  }

  @Transactional
  public void postpone(String id, Duration wait) {
    store
        .delivery(id)
        .filter(d -> d.getStatus().open())
        .ifPresent(d -> d.postpone(clock.instant().plus(wait)));
  }

  /**
   * Records an attempt; a retryable failure is retried unless {@code once} (a channel test). In a
   * transaction of its own: a channel test runs inside the audited request's transaction, and what
   * the channel did must be recorded whatever becomes of that.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Delivery> record(String id, SendOutcome outcome, boolean once) {
    Instant now = clock.instant();
    Optional<Delivery> found = store.delivery(id).filter(d -> d.getStatus().open());
    found.ifPresent(
        d -> {
          if (outcome.kind() == SendOutcome.Kind.SENT) {
            d.sent(outcome.answer(), now);
            return;
          }
          Instant next =
              outcome.kind() == SendOutcome.Kind.REFUSED || once
                  ? null
                  : retries.next(d.getCreatedAt(), d.getAttempts() + 1, now, outcome.retryAfter());
          if (next == null) {
            d.failed(outcome.answer(), now);
          } else {
            d.retry(outcome.answer(), now, next);
          }
        });
    return found;
  }

  /**
   * Records a test message for one channel, for the caller to send now. It is never due (no next
   * attempt), so no sender takes it; committed on its own before the channel is called.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Attempt queueTest(String channel, String requestedBy) {
    if (!channels.exists(channel)) {
      throw NotificationProblems.noChannel(channel);
    }
    Instant now = clock.instant();
    Alert alert =
        Alert.of(
            AlertType.TEST,
            null,
            "channel " + channel,
            "A test message sent by " + requestedBy + ".",
            now);
    Delivery delivery = new Delivery(channel, null, alert, "test|" + now, null, now);
    store.add(delivery);
    return attempt(delivery);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<DeliveryView> list(DeliveryFilter filter, PageRequest page) {
    return Page.of(
        store.deliveries(filter, page.offset(), page.size()).stream()
            .map(DeliveryView::of)
            .toList(),
        page,
        store.countDeliveries(filter));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DeliveryView get(String id) {
    return store
        .delivery(id)
        .map(DeliveryView::of)
        .orElseThrow(() -> NotificationProblems.noDelivery(id));
  }
}
