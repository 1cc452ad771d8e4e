package io.multibot.management.strategy;

import io.multibot.common.problem.FieldError;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.persistence.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Use cases of stored strategies. Every method is one transaction. */
@ApplicationScoped
@Transactional
public class StrategyService {

  private final StrategyRepository strategies;
  private final Instance<StrategyUsage> usages;
  private final Clock clock;
  private final int maxSourceBytes;

  @Inject
  public StrategyService(
      StrategyRepository strategies,
      Instance<StrategyUsage> usages,
      Clock clock,
      @ConfigProperty(name = "strategy.max-source-bytes", defaultValue = "262144")
          int maxSourceBytes) {
    this.strategies = strategies;
    this.usages = usages;
    this.clock = clock;
    this.maxSourceBytes = maxSourceBytes;
  }

  /** For CDI's proxy only. */
  protected StrategyService() {
    this(null, null, null, 0);
  }

  public Versioned<StrategyView> create(CreateStrategyRequest request, String author) {
    String name = request == null ? null : request.name();
    List<FieldError> errors =
        StrategySource.problems(name, request == null ? null : request.source(), maxSourceBytes);
    if (name == null) {
      errors.add(0, new FieldError("name", "is required"));
    }
    if (!errors.isEmpty()) {
      throw StrategyProblems.invalid(errors);
    }
    if (strategies.findByName(name).isPresent()) {
      throw StrategyProblems.alreadyExists(name);
    }
    Strategy strategy = new Strategy(name, clock.instant());
    strategy.addVersion(StrategySource.of(request.source()), author, clock.instant());
    try {
      strategies.add(strategy);
    } catch (PersistenceException e) {
      if (ConstraintViolations.isCause(e)) {
        throw StrategyProblems.alreadyExists(name);
      }
      throw e;
    }
    return versioned(strategy);
  }

  public Versioned<StrategyView> addVersion(
      String name, UpdateStrategyRequest request, OptionalLong expectedVersion, String author) {
    Strategy strategy = find(name);
    EntityTags.check(expectedVersion, strategy.getRowVersion());
    String source = request == null ? null : request.source();
    List<FieldError> errors = StrategySource.problems(name, source, maxSourceBytes);
    if (!errors.isEmpty()) {
      throw StrategyProblems.invalid(errors);
    }
    strategy.addVersion(StrategySource.of(source), author, clock.instant());
    strategies.flush();
    return versioned(strategy);
  }

  public Versioned<StrategyView> get(String name) {
    return versioned(find(name));
  }

  public Page<StrategyView> list(PageRequest page) {
    List<StrategyView> items =
        strategies.list(page.offset(), page.size()).stream().map(StrategyView::of).toList();
    return Page.of(items, page, strategies.count());
  }

  public List<StrategyVersionView> versions(String name) {
    return find(name).getVersions().stream().map(StrategyVersionView::of).toList();
  }

  /** One version with its source; {@code version} 0 means the latest. */
  public StrategyVersion version(String name, int version) {
    int wanted = version == 0 ? find(name).getLatestVersion() : version;
    return strategies
        .findVersion(name, wanted)
        .orElseThrow(() -> StrategyProblems.versionNotFound(name, wanted));
  }

  /** Whether a strategy (and, when given, that version of it) exists; never throws for absence. */
  public boolean exists(String name, Integer version) {
    return version == null
        ? strategies.findByName(name).isPresent()
        : strategies.findVersion(name, version).isPresent();
  }

  public void delete(String name) {
    Strategy strategy = find(name);
    List<String> users = usages.stream().flatMap(usage -> usage.usersOf(name).stream()).toList();
    if (!users.isEmpty()) {
      throw StrategyProblems.inUse(name, users);
    }
    strategies.remove(strategy);
  }

  private Strategy find(String name) {
    return strategies.findByName(name).orElseThrow(() -> StrategyProblems.notFound(name));
  }

  private static Versioned<StrategyView> versioned(Strategy strategy) {
    return new Versioned<>(StrategyView.of(strategy), strategy.getRowVersion());
  }
}
