package io.multibot.management.notify;

import io.multibot.common.problem.ApiException;
import io.multibot.management.bot.BotService;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.ResourceNames;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.persistence.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.OptionalLong;

/** Administration of notification rules. */
@ApplicationScoped
@Transactional
public class RuleService {

  private final NotificationStore store;
  private final BotService bots;
  private final Clock clock;

  @Inject
  public RuleService(NotificationStore store, BotService bots, Clock clock) {
    this.store = store;
    this.bots = bots;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected RuleService() {
    this(null, null, null);
  }

  public Versioned<RuleView> create(RuleRequest request) {
    if (request == null) {
      throw NotificationProblems.invalid("rule", "name", "is required");
    }
    String name = request.name();
    if (!ResourceNames.valid(name)) {
      throw NotificationProblems.invalid("rule", "name", ResourceNames.RULE);
    }
    if (store.rule(name).isPresent()) {
      throw NotificationProblems.exists("rule", name);
    }
    NotificationRule rule = new NotificationRule(name, clock.instant());
    rule.define(!Boolean.FALSE.equals(request.enabled()), definition(request), clock.instant());
    try {
      store.add(rule);
    } catch (PersistenceException e) {
      if (ConstraintViolations.isCause(e)) {
        throw NotificationProblems.exists("rule", name);
      }
      throw e;
    }
    return versioned(rule);
  }

  public Versioned<RuleView> update(String name, RuleRequest request, OptionalLong expected) {
    NotificationRule rule = find(name);
    EntityTags.check(expected, rule.getRowVersion());
    if (request == null) {
      throw NotificationProblems.invalid("rule", "events", "is required");
    }
    if (request.name() != null && !request.name().equals(name)) {
      throw NotificationProblems.invalid("rule", "name", "cannot change");
    }
    rule.define(!Boolean.FALSE.equals(request.enabled()), definition(request), clock.instant());
    store.add(rule);
    return versioned(rule);
  }

  public Versioned<RuleView> get(String name) {
    return versioned(find(name));
  }

  public Page<RuleView> list(PageRequest page) {
    return Page.of(
        store.rules(page.offset(), page.size()).stream().map(RuleView::of).toList(),
        page,
        store.countRules());
  }

  public void delete(String name, OptionalLong expected) {
    NotificationRule rule = find(name);
    EntityTags.check(expected, rule.getRowVersion());
    store.remove(rule);
  }

  private RuleDefinition definition(RuleRequest request) {
    return RuleRules.definition(
        request, channel -> store.channel(channel).isPresent(), this::botExists);
  }

  private boolean botExists(String idOrName) {
    try {
      bots.id(idOrName);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  private NotificationRule find(String name) {
    return store.rule(name).orElseThrow(() -> NotificationProblems.noRule(name));
  }

  private static Versioned<RuleView> versioned(NotificationRule rule) {
    return new Versioned<>(RuleView.of(rule), rule.getRowVersion());
  }
}
