package io.multibot.management.risk;

import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotSummary;
import io.multibot.management.status.BotFigures;
import io.multibot.management.status.OpenPosition;
import io.multibot.management.status.StatusRecorded;
import io.multibot.management.status.StatusService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Evaluates every armed policy against the bots' latest figures after status reports are stored
 * ({@link StatusRecorded}; rounds at least 100 ms apart) and every {@code risk.interval} (default 1
 * s, for the figures that grow with time alone, such as minutes offline), and trips those breached.
 * Counts the tripped ones for the gauge {@code multibot_risk_policies_tripped} (the chart's
 * MultibotRiskGuardTripped).
 *
 * <p>Invariant: a breach acts once. A tripped policy is not evaluated again until re-armed, and the
 * trip is conditional on the policy's row version, so two replicas seeing the same breach trip it
 * once (the other's transaction, with its commands, rolls back). {@code RiskGuardIT} checks one
 * trip, one batch and one audit entry through the real status stream.
 */
@ApplicationScoped
public class RiskGuard {

  private static final Logger LOG = Logger.getLogger(RiskGuard.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final RiskService service;
  private final StatusService statuses;
  private final BotService bots;
  private final Clock clock;
  private final Duration interval;
  private final MetricRegistry registry;

  /**
   * Policies tripped and not re-armed, as of the last round ({@code
   * multibot_risk_policies_tripped}).
   */
  private final AtomicInteger trippedNow = new AtomicInteger();

  /** Each bot's realised profit at the start of the UTC day it was taken on. */
  private final Map<String, DayStart> dayStarts = new ConcurrentHashMap<>();

  private ScheduledFuture<?> task;

  private static final long MIN_GAP_MS = 100;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile long lastRound;

  private record DayStart(LocalDate day, Double profitClosed) {}

  @Inject
  public RiskGuard(
      RiskService service,
      StatusService statuses,
      BotService bots,
      Clock clock,
      MetricRegistry registry,
      @ConfigProperty(name = "risk.interval", defaultValue = "PT1S") Duration interval) {
    this.registry = registry;
    this.service = service;
    this.statuses = statuses;
    this.bots = bots;
    this.clock = clock;
    this.interval = interval;
  }

  /** For CDI's proxy only. */
  protected RiskGuard() {
    this(null, null, null, null, null, Duration.ofSeconds(1));
  }

  void start(@Observes Startup event) {
    registry.gauge("multibot.risk.policies.tripped", trippedNow::get);
    long every = interval.toMillis();
    task = scheduler.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * A status report was stored: evaluate soon (at most one round waiting, rounds at least {@value
   * #MIN_GAP_MS} ms apart), so a breach trips within the poll that showed it, not a timer later.
   */
  void statusRecorded(@Observes StatusRecorded event) {
    if (scheduler != null && wakePending.compareAndSet(false, true)) {
      long wait = Math.max(0, lastRound + MIN_GAP_MS - System.currentTimeMillis());
      scheduler.schedule(
          () -> {
            wakePending.set(false);
            run();
          },
          wait,
          TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void run() {
    lastRound = System.currentTimeMillis();
    try {
      evaluateAll();
    } catch (PersistenceException e) {
      LOG.log(Level.FINE, "risk guard round skipped: the database did not answer", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "risk guard round failed", e);
    }
  }

  void evaluateAll() {
    List<RiskPolicy> enabled = service.enabled();
    List<RiskPolicy> armed = enabled.stream().filter(p -> !p.isTripped()).toList();
    trippedNow.set(enabled.size() - armed.size());
    if (armed.isEmpty()) {
      return;
    }
    Fleet fleet = fleet(armed);
    int tripped = 0;
    for (RiskPolicy policy : armed) {
      List<Measure> measures = measure(policy, fleet);
      if (measures.stream().anyMatch(Measure::breached)
          && service.trip(policy.getName(), policy.getRowVersion(), measures)) {
        tripped++;
      }
    }
    if (tripped > 0) {
      LOG.log(Level.WARNING, "risk guard: {0} policy(ies) tripped; see the audit log", tripped);
    }
  }

  /** The policy's figures now (for {@code GET .../evaluation}). */
  public RiskEvaluationView evaluation(String name) {
    RiskPolicy policy = service.policy(name);
    List<Measure> measures = measure(policy, fleet(List.of(policy)));
    return new RiskEvaluationView(
        name,
        policy.kind().wire(),
        policy.getThreshold(),
        RiskPolicyView.of(policy).state(),
        measures.stream().anyMatch(Measure::breached),
        measures,
        clock.instant());
  }

  /** What the policies are measured on: figures, and tags and open trades if they need them. */
  private record Fleet(
      List<BotFigures> figures, Map<String, Set<String>> tags, List<OpenPosition> positions) {}

  private Fleet fleet(List<RiskPolicy> policies) {
    boolean exposure = policies.stream().anyMatch(p -> p.kind() == RiskKind.MAX_ASSET_EXPOSURE);
    return new Fleet(
        statuses.figures(), tagsIfNeeded(policies), exposure ? statuses.positions() : List.of());
  }

  private List<Measure> measure(RiskPolicy policy, Fleet fleet) {
    Map<String, Set<String>> tags = fleet.tags();
    List<BotFigures> scoped =
        fleet.figures().stream()
            .filter(
                f ->
                    policy.getScopeBot() != null
                        ? policy.getScopeBot().equals(f.botId())
                        : policy.getScopeTag() == null
                            || tags.getOrDefault(f.botId(), Set.of())
                                .contains(policy.getScopeTag()))
            .toList();
    Instant now = clock.instant();
    return RiskMeasures.measure(
        policy.kind(),
        policy.getThreshold(),
        scoped,
        f -> dayStart(f, now),
        fleet.positions(),
        now);
  }

  private Map<String, Set<String>> tagsIfNeeded(List<RiskPolicy> policies) {
    if (policies.stream().noneMatch(p -> p.getScopeTag() != null)) {
      return Map.of();
    }
    return bots.summaries().stream()
        .collect(Collectors.toMap(BotSummary::id, s -> Set.copyOf(s.tags()), (a, b) -> a));
  }

  /**
   * A bot's realised profit at 00:00 UTC: its first history point of the day, taken once a day; a
   * bot with none yet today starts from what it has now (losses count from then on).
   */
  private Double dayStart(BotFigures bot, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    DayStart known = dayStarts.get(bot.botId());
    if (known != null && known.day().equals(today)) {
      return known.profitClosed();
    }
    Double start =
        statuses
            .profitClosedSince(bot.botId(), today.atStartOfDay().toInstant(ZoneOffset.UTC))
            .orElse(bot.profitClosed());
    dayStarts.put(bot.botId(), new DayStart(today, start));
    return start;
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
