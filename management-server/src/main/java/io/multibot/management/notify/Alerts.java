package io.multibot.management.notify;

import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotSummary;
import io.multibot.management.platform.persistence.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where the application raises alerts. Each enabled rule that matches queues one delivery per
 * channel, in the caller's transaction: the alert commits with the change that caused it (a bot's
 * crash recorded and its message queued, or neither), so a crash of this server between the two
 * cannot lose the message. Senders are woken once the transaction has committed.
 *
 * <p>Deduplication: within a rule's window, an alert of the same type about the same bot (or
 * subject) for the same channel is counted on the delivery already queued ({@code duplicates})
 * instead of queuing another. Quiet hours hold messages below critical until the period ends.
 * {@code AlertsTest} checks matching, dedup and quiet hours; {@code NotificationApiIT} the whole
 * path to a real receiver.
 */
@ApplicationScoped
public class Alerts {

  private static final Object KEY = new Object();

  private final NotificationStore store;
  private final BotService bots;
  private final DeliveryWorker worker;
  private final AfterCommit afterCommit;
  private final Clock clock;

  @Inject
  public Alerts(
      NotificationStore store,
      BotService bots,
      DeliveryWorker worker,
      AfterCommit afterCommit,
      Clock clock) {
    this.store = store;
    this.bots = bots;
    this.worker = worker;
    this.afterCommit = afterCommit;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected Alerts() {
    this(null, null, null, null, null);
  }

  /** Queues {@code alert} for every channel whose rule wants it; returns how many were queued. */
  @Transactional
  public int raise(Alert alert) {
    List<NotificationRule> rules = store.enabledRules();
    if (rules.isEmpty()) {
      return 0;
    }
    BotSummary bot = bot(alert.botId());
    Alert named = bot == null ? alert : alert.about(bot);
    Instant now = clock.instant();
    int queued = 0;
    for (NotificationRule rule : rules) {
      RuleDefinition definition = rule.definition();
      if (definition.matches(named, bot)) {
        queued += queue(rule.getName(), definition, named, now);
      }
    }
    if (queued > 0) {
      // one wake-up per transaction, however many alerts it raised
      afterCommit.collect(KEY, Boolean.TRUE, raised -> worker.wake());
    }
    return queued;
  }

  private int queue(String rule, RuleDefinition definition, Alert alert, Instant now) {
    Instant due = now;
    if (definition.quietHours() != null && alert.severity() != Severity.CRITICAL) {
      due = definition.quietHours().endIfQuiet(now).orElse(now);
    }
    int queued = 0;
    for (String channel : definition.channels()) {
      String key =
          rule
              + "|"
              + channel
              + "|"
              + alert.type().wire()
              + "|"
              + (alert.botId() == null || alert.type().dedupPerSubject()
                  ? alert.subject()
                  : alert.botId());
      if (!definition.dedupWindow().isZero()) {
        var earlier = store.recent(key, now.minus(definition.dedupWindow()));
        if (earlier.isPresent()) {
          earlier.get().duplicate();
          continue;
        }
      }
      store.add(new Delivery(channel, rule, alert, key, due, now));
      queued++;
    }
    return queued;
  }

  private BotSummary bot(String botId) {
    if (botId == null) {
      return null;
    }
    List<BotSummary> found = bots.summaries(List.of(botId));
    return found.isEmpty() ? null : found.get(0);
  }
}
