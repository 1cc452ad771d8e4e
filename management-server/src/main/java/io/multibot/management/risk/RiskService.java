package io.multibot.management.risk;

import io.multibot.management.audit.AuditLog;
import io.multibot.management.audit.AuditRecord;
import io.multibot.management.bot.BotService;
import io.multibot.management.command.BatchService;
import io.multibot.management.command.BatchView;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import io.multibot.management.notify.Alerts;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Risk policies: their administration, and the trip — the policy marked tripped, its action's
 * commands created, the audit entry (actor {@code risk-guard}) and the alert, all in one
 * transaction, so a trip that happened did all of it and one that did not did none of it.
 */
@ApplicationScoped
@Transactional
public class RiskService {

  static final String ACTOR = "risk-guard";

  private final RiskStore store;
  private final BotService bots;
  private final BatchService batches;
  private final AuditLog audit;
  private final Alerts alerts;
  private final Clock clock;

  @Inject
  public RiskService(
      RiskStore store,
      BotService bots,
      BatchService batches,
      AuditLog audit,
      Alerts alerts,
      Clock clock) {
    this.store = store;
    this.bots = bots;
    this.batches = batches;
    this.audit = audit;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected RiskService() {
    this(null, null, null, null, null, null);
  }

  public Versioned<RiskPolicyView> create(RiskPolicyRequest request) {
    if (request == null) {
      throw RiskProblems.invalid("name", "is required");
    }
    String name = RiskRules.name(request.name());
    if (store.find(name).isPresent()) {
      throw RiskProblems.exists(name);
    }
    RiskPolicy policy = new RiskPolicy(name, clock.instant());
    define(policy, request);
    store.add(policy);
    return versioned(policy);
  }

  public Versioned<RiskPolicyView> update(
      String name, RiskPolicyRequest request, OptionalLong expected) {
    RiskPolicy policy = find(name);
    EntityTags.check(expected, policy.getRowVersion());
    if (request == null) {
      throw RiskProblems.invalid("kind", "is required");
    }
    if (request.name() != null && !request.name().equals(name)) {
      throw RiskProblems.invalid("name", "cannot change");
    }
    define(policy, request);
    store.flush();
    return versioned(policy);
  }

  public Versioned<RiskPolicyView> get(String name) {
    return versioned(find(name));
  }

  public Page<RiskPolicyView> list(PageRequest page) {
    return Page.of(
        store.list(page.offset(), page.size()).stream().map(RiskPolicyView::of).toList(),
        page,
        store.count());
  }

  public void delete(String name, OptionalLong expected) {
    RiskPolicy policy = find(name);
    EntityTags.check(expected, policy.getRowVersion());
    store.remove(policy);
  }

  /** Arms a tripped policy again, audited as the operator who did it. */
  public Versioned<RiskPolicyView> rearm(String name, String user) {
    RiskPolicy policy = find(name);
    if (policy.isTripped()) {
      policy.rearm(clock.instant());
      alerts.raise(
          Alert.of(
              AlertType.RISK_GUARD_REARMED,
              policy.getScopeBot(),
              "risk policy " + name,
              "re-armed by " + user,
              clock.instant()));
      store.flush();
    }
    return versioned(policy);
  }

  /** Enabled policies, armed or tripped, for the guard. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RiskPolicy> enabled() {
    return store.enabled();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public RiskPolicy policy(String name) {
    return find(name);
  }

  /**
   * Trips the policy if it is still armed at the version the guard evaluated; false if it changed
   * meanwhile (re-defined, disabled, tripped by another replica).
   */
  public boolean trip(String name, long version, List<Measure> measures) {
    Optional<RiskPolicy> found =
        store
            .find(name)
            .filter(p -> p.getRowVersion() == version && p.isEnabled() && !p.isTripped());
    if (found.isEmpty()) {
      return false;
    }
    RiskPolicy policy = found.get();
    String batch = act(policy, measures);
    Instant now = clock.instant();
    String figures = MeasureJson.write(measures);
    policy.trip(figures, batch, now);
    String summary = summary(policy, measures, batch);
    audit.append(
        new AuditRecord(
            now,
            ACTOR,
            "system",
            null,
            "risk.tripped",
            "/api/v1/risk/policies/" + name,
            200,
            summary));
    alerts.raise(
        Alert.of(
            AlertType.RISK_GUARD_TRIPPED,
            policy.getScopeBot(),
            "risk policy " + name,
            summary,
            now));
    store.flush();
    return true;
  }

  /** Sends the action's commands to the bots of the breached figures; the batch id, if any. */
  private String act(RiskPolicy policy, List<Measure> measures) {
    Set<String> breachedBots = new LinkedHashSet<>();
    measures.stream().filter(Measure::breached).forEach(m -> breachedBots.addAll(m.bots()));
    return policy
        .action()
        .command()
        .flatMap(
            type ->
                batches.guard(
                    List.copyOf(breachedBots),
                    type,
                    policy.action().exitPositions(),
                    policy.getName()))
        .map(BatchView::id)
        .orElse(null);
  }

  private static String summary(RiskPolicy policy, List<Measure> measures, String batch) {
    StringBuilder text =
        new StringBuilder(policy.kind().wire())
            .append(" reached ")
            .append(policy.getThreshold())
            .append(":");
    measures.stream()
        .filter(Measure::breached)
        .forEach(m -> text.append(' ').append(m.group()).append('=').append(round(m.value())));
    text.append("; action ").append(policy.action().wire());
    if (batch != null) {
      text.append(", batch ").append(batch);
    }
    return text.length() > 900 ? text.substring(0, 900) : text.toString();
  }

  private static String round(double value) {
    return String.format(java.util.Locale.ROOT, "%.4f", value);
  }

  private void define(RiskPolicy policy, RiskPolicyRequest request) {
    if (request.bot() != null && request.tag() != null) {
      throw RiskProblems.invalid("tag", "give a bot or a tag, not both");
    }
    String botId = request.bot() == null ? null : botId(request.bot());
    policy.define(
        botId,
        RiskRules.tag(request.tag()),
        RiskRules.kind(request.kind()),
        RiskRules.threshold(request.threshold()),
        RiskRules.action(request.action()),
        !Boolean.FALSE.equals(request.enabled()),
        clock.instant());
  }

  private String botId(String idOrName) {
    try {
      return bots.id(idOrName);
    } catch (io.multibot.common.problem.ApiException e) {
      throw RiskProblems.invalid("bot", "names no bot '" + idOrName + "'");
    }
  }

  private RiskPolicy find(String name) {
    return store.find(name).orElseThrow(() -> RiskProblems.notFound(name));
  }

  private static Versioned<RiskPolicyView> versioned(RiskPolicy policy) {
    return new Versioned<>(RiskPolicyView.of(policy), policy.getRowVersion());
  }
}
