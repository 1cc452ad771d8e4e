package io.multibot.management.bot;

import io.multibot.common.command.CommandType;
import io.multibot.common.command.LaunchSpec;
import io.multibot.common.status.BotState;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.persistence.ConstraintViolations;
import io.multibot.management.platform.secrets.SecretCipher;
import io.multibot.management.platform.secrets.SecretUnreadableException;
import io.multibot.management.strategy.StrategyService;
import io.multibot.management.strategy.StrategyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases of the bot registry. Every method is one transaction. */
@ApplicationScoped
@Transactional
public class BotService implements CommandTargets {

  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Ids per statement when many bots change at once (the kill switch over a fleet). */
  private static final int IN_LIST_SIZE = 500;

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

  /**
   * Records what a command asks of the bots' lifecycle, in the transaction that accepts it: start
   * and restart mean they should run, stop and the kill switch that they should not. The database,
   * not Redis, is where the gateways' "bots that should run" comes from (see {@code BotDirectory}).
   */
  @Override
  public void commanded(List<String> botIds, CommandType type) {
    BotState wanted =
        switch (type) {
          case START, RESTART -> BotState.RUNNING;
          case STOP, EMERGENCY_STOP -> BotState.STOPPED;
          default -> null;
        };
    if (wanted == null) {
      return;
    }
    for (int from = 0; from < botIds.size(); from += IN_LIST_SIZE) {
      bots.recordDesiredState(
          botIds.subList(from, Math.min(botIds.size(), from + IN_LIST_SIZE)), wanted);
    }
  }

  /** Records the state a status report saw the bot in ({@code OFFLINE} is kept as unknown). */
  public void observed(String botId, BotState state) {
    bots.recordLastKnownState(botId, state.lastKnown());
  }

  /** Ids of the managed bots that should run. */
  public List<String> managedToRun() {
    return bots.idsOf(RunMode.MANAGED, BotState.RUNNING);
  }

  /** Whether a bot with this id exists (status reports of deleted bots are dropped). */
  public boolean exists(String id) {
    return bots.findById(id).isPresent();
  }

  /** Every bot's id, name, tags and stake currency (for the status and portfolio views). */
  public List<BotSummary> summaries() {
    return bots.summaries();
  }

  /** These bots' summaries, by name: one page of a fleet view. */
  public List<BotSummary> summaries(Collection<String> ids) {
    return ids.isEmpty() ? List.of() : bots.summaries(ids);
  }

  /** One bot's summary; 404 problem if there is no such bot. */
  public BotSummary summary(String idOrName) {
    return summarize(find(idOrName));
  }

  private static BotSummary summarize(Bot bot) {
    return new BotSummary(
        bot.getId(),
        bot.getName(),
        List.copyOf(bot.getTags()),
        bot.getSettings().getStakeCurrency(),
        bot.getSettings().getExchange(),
        bot.getSettings().getStrategy().name(),
        bot.getRunMode().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The external bots the command cycle can reach, for the gateways' polling directory. */
  public List<BotTarget> externalTargets() {
    return bots.all().stream()
        .filter(bot -> bot.getRunMode() == RunMode.EXTERNAL)
        .map(this::target)
        .filter(target -> target.address().isPresent())
        .toList();
  }

  /** The id of a bot named by id or name; 404 problem if there is no such bot. */
  @Override
  public String id(String idOrName) {
    return find(idOrName).getId();
  }

  /** The bot's identity and API address for commands; 404 problem if there is no such bot. */
  @Override
  public BotTarget target(String idOrName) {
    return target(find(idOrName));
  }

  /** The command target of a bot that may have been deleted meanwhile. */
  @Override
  public Optional<BotTarget> targetIfExists(String id) {
    return bots.findById(id).map(this::target);
  }

  /**
   * The bots a bulk command selects: all of them, those named (by id or name; an unknown one is a
   * 422 problem), or those carrying one of the tags.
   */
  @Override
  public List<BotTarget> targets(List<String> idsOrNames, List<String> tags, boolean all) {
    if (all) {
      return bots.all().stream().map(this::target).toList();
    }
    if (idsOrNames != null && !idsOrNames.isEmpty()) {
      List<BotTarget> chosen = new ArrayList<>();
      for (String idOrName : idsOrNames) {
        Bot bot = lookup(idOrName).orElseThrow(() -> BotProblems.unknownInSelector(idOrName));
        chosen.add(target(bot));
      }
      return chosen;
    }
    List<String> wanted = tags == null ? List.of() : tags;
    return bots.all().stream()
        .filter(bot -> bot.getTags().stream().anyMatch(wanted::contains))
        .map(this::target)
        .toList();
  }

  /**
   * A managed bot is reached through the gateway that launches it; an external one through its API
   * address. A bot whose secrets cannot be decrypted with the current keys is not reachable.
   */
  private BotTarget target(Bot bot) {
    try {
      return bot.getRunMode() == RunMode.MANAGED ? managed(bot) : external(bot);
    } catch (SecretUnreadableException e) {
      return new BotTarget(bot.getId(), bot.getName(), Optional.empty(), Optional.empty());
    }
  }

  private BotTarget external(Bot bot) {
    String password = bot.getSecrets().encrypted(SecretName.API_PASSWORD);
    if (bot.getApiUrl() == null || bot.getApiUsername() == null || password == null) {
      return new BotTarget(bot.getId(), bot.getName(), Optional.empty(), Optional.empty());
    }
    return new BotTarget(
        bot.getId(),
        bot.getName(),
        Optional.of(
            new BotTarget.Address(bot.getApiUrl(), bot.getApiUsername(), cipher.decrypt(password))),
        Optional.empty());
  }

  /**
   * The secrets a managed bot's launch carries (by the names the gateway maps to freqtrade's {@code
   * FREQTRADE__...} environment variables), decrypted only into the encrypted launch.
   */
  private static final Map<SecretName, String> LAUNCH_SECRETS =
      Map.of(
          SecretName.EXCHANGE_KEY,
          "key",
          SecretName.EXCHANGE_SECRET,
          "secret",
          SecretName.EXCHANGE_PASSWORD,
          "password",
          SecretName.TELEGRAM_TOKEN,
          LaunchSpec.TELEGRAM_TOKEN,
          SecretName.TELEGRAM_CHAT_ID,
          LaunchSpec.TELEGRAM_CHAT_ID,
          SecretName.DISCORD_WEBHOOK_URL,
          LaunchSpec.DISCORD_WEBHOOK_URL);

  private BotTarget managed(Bot bot) {
    StrategyRef ref = bot.getSettings().getStrategy();
    StrategyVersion strategy =
        strategies.version(ref.name(), ref.version() == null ? 0 : ref.version());
    Map<String, String> exchangeSecrets = new TreeMap<>();
    LAUNCH_SECRETS.forEach(
        (secret, key) -> {
          String encrypted = bot.getSecrets().encrypted(secret);
          if (encrypted != null) {
            exchangeSecrets.put(key, cipher.decrypt(encrypted));
          }
        });
    LaunchSpec launch =
        new LaunchSpec(
            bot.getId(),
            bot.getName(),
            FreqtradeConfig.of(bot.getSettings()),
            ref.name(),
            strategy.getSource(),
            bot.getRestartPolicy(),
            exchangeSecrets);
    return new BotTarget(bot.getId(), bot.getName(), Optional.empty(), Optional.of(launch));
  }

  private Bot find(String idOrName) {
    return lookup(idOrName).orElseThrow(() -> BotProblems.notFound(idOrName));
  }

  private Optional<Bot> lookup(String idOrName) {
    return UUID_SHAPE.matcher(idOrName).matches()
        ? bots.findById(idOrName)
        : bots.findByName(idOrName);
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
        bot.secretsToWrite().put(name, value.isEmpty() ? null : cipher.encrypt(value));
      }
    }
  }

  private static void requireExternalCredentials(Bot bot) {
    if (bot.getRunMode() == RunMode.EXTERNAL
        && bot.getSecrets().encrypted(SecretName.API_PASSWORD) == null) {
      throw BotProblems.invalid("secrets.apiPassword", "is required for external bots");
    }
    BotSecrets secrets = bot.getSecrets();
    boolean token = secrets.encrypted(SecretName.TELEGRAM_TOKEN) != null;
    if (token != (secrets.encrypted(SecretName.TELEGRAM_CHAT_ID) != null)) {
      throw BotProblems.invalid(
          token ? "secrets.telegramChatId" : "secrets.telegramToken",
          "telegramToken and telegramChatId are set together (or both cleared with \"\")");
    }
    if (bot.getRunMode() == RunMode.EXTERNAL
        && (token || secrets.encrypted(SecretName.DISCORD_WEBHOOK_URL) != null)) {
      throw BotProblems.invalid(
          token ? "secrets.telegramToken" : "secrets.discordWebhookUrl",
          "is for managed bots only: an external bot's own config sets its notifications");
    }
  }
}
