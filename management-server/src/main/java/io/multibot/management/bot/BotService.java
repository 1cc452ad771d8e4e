package io.multibot.management.bot;

import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.persistence.ConstraintViolations;
import io.multibot.management.platform.secrets.SecretCipher;
import io.multibot.management.strategy.StrategyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases of the bot registry. Every method is one transaction. */
@ApplicationScoped
@Transactional
public class BotService {

  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final BotRepository bots;
  private final StrategyService strategies;
  private final SecretCipher cipher;
  private final Clock clock;

  @Inject
  public BotService(
      BotRepository bots, StrategyService strategies, SecretCipher cipher, Clock clock) {
    this.bots = bots;
    this.strategies = strategies;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected BotService() {
    this(null, null, null, null);
  }

  public Versioned<BotView> create(BotRequest request) {
    BotDefinition definition = BotRequestValidator.validate(request);
    checkStrategy(definition.settings().getStrategy());
    if (bots.findByName(definition.name()).isPresent()) {
      throw BotProblems.nameTaken(definition.name());
    }
    Bot bot = new Bot(UUID.randomUUID().toString(), clock.instant());
    bot.describe(definition, clock.instant());
    applySecrets(bot, request.secrets());
    requireExternalCredentials(bot);
    try {
      bots.add(bot);
    } catch (PersistenceException e) {
      if (ConstraintViolations.isCause(e)) {
        throw BotProblems.nameTaken(definition.name());
      }
      throw e;
    }
    return new Versioned<>(BotView.of(bot), bot.getRowVersion());
  }

  public Versioned<BotView> update(
      String idOrName, BotRequest request, OptionalLong expectedVersion) {
    Bot bot = find(idOrName);
    EntityTags.check(expectedVersion, bot.getRowVersion());
    BotDefinition definition = BotRequestValidator.validate(request);
    checkStrategy(definition.settings().getStrategy());
    bots.findByName(definition.name())
        .filter(other -> !other.getId().equals(bot.getId()))
        .ifPresent(
            other -> {
              throw BotProblems.nameTaken(definition.name());
            });
    bot.describe(definition, clock.instant());
    applySecrets(bot, request.secrets());
    requireExternalCredentials(bot);
    bots.flush();
    return new Versioned<>(BotView.of(bot), bot.getRowVersion());
  }

  public Versioned<BotView> get(String idOrName) {
    Bot bot = find(idOrName);
    return new Versioned<>(BotView.of(bot), bot.getRowVersion());
  }

  public Page<BotView> list(BotQuery query) {
    return Page.of(
        bots.find(query).stream().map(BotView::of).toList(), query.page(), bots.count(query));
  }

  public void delete(String idOrName, OptionalLong expectedVersion) {
    Bot bot = find(idOrName);
    EntityTags.check(expectedVersion, bot.getRowVersion());
    if (bot.getDesiredState() == BotState.RUNNING) {
      throw BotProblems.running(bot.getName());
    }
    bots.remove(bot);
  }

  /** The bot's identity and API address for commands; 404 problem if there is no such bot. */
  public BotTarget target(String idOrName) {
    Bot bot = find(idOrName);
    String password = bot.getSecrets().encrypted(SecretName.API_PASSWORD);
    boolean reachable = bot.getApiUrl() != null && bot.getApiUsername() != null && password != null;
    return new BotTarget(
        bot.getId(),
        bot.getName(),
        reachable
            ? Optional.of(
                new BotTarget.Address(
                    bot.getApiUrl(), bot.getApiUsername(), cipher.decrypt(password)))
            : Optional.empty());
  }

  private Bot find(String idOrName) {
    return (UUID_SHAPE.matcher(idOrName).matches()
            ? bots.findById(idOrName)
            : bots.findByName(idOrName))
        .orElseThrow(() -> BotProblems.notFound(idOrName));
  }

  private void checkStrategy(StrategyRef strategy) {
    if (!strategies.exists(strategy.name(), null)) {
      throw BotProblems.invalid(
          "strategy.name", "there is no stored strategy '" + strategy.name() + "'");
    }
    if (strategy.version() != null && !strategies.exists(strategy.name(), strategy.version())) {
      throw BotProblems.invalid(
          "strategy.version",
          "strategy '" + strategy.name() + "' has no version " + strategy.version());
    }
  }

  private void applySecrets(Bot bot, SecretsRequest secrets) {
    if (secrets == null) {
      return;
    }
    for (SecretName name : SecretName.values()) {
      String value = secrets.value(name);
      if (value != null) {
        bot.getSecrets().put(name, value.isEmpty() ? null : cipher.encrypt(value));
      }
    }
  }

  private static void requireExternalCredentials(Bot bot) {
    if (bot.getRunMode() == RunMode.EXTERNAL
        && bot.getSecrets().encrypted(SecretName.API_PASSWORD) == null) {
      throw BotProblems.invalid("secrets.apiPassword", "is required for external bots");
    }
  }
}
