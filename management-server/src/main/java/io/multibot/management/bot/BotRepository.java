package io.multibot.management.bot;

import io.multibot.common.status.BotState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where bots are kept. */
public interface BotRepository {

  Optional<Bot> findById(String id);

  Optional<Bot> findByName(String name);

  List<Bot> find(BotQuery query);

  /** Every bot, by name (for bulk commands over a fleet). */
  List<Bot> all();

  long count(BotQuery query);

  List<String> namesUsingStrategy(String strategyName);

  /** Stores a new bot and assigns its row version. */
  void add(Bot bot);

  /** Writes pending changes now, so the row version is current. */
  void flush();

  void remove(Bot bot);

  /**
   * Records the state the bots should be in, where it differs, as one statement that waits for a
   * concurrent writer instead of failing a version check. The row version (the ETag) moves on only
   * when the state really changed, since the bot's representation shows it.
   *
   * @return how many rows changed
   */
  int recordDesiredState(List<String> botIds, BotState state);

  /** Ids of the bots of this run mode whose desired state is this one (no entity is loaded). */
  List<String> idsOf(RunMode runMode, BotState desiredState);

  /** Records the state a bot was last seen in, only where it differs (a status poll every 15 s). */
  int recordLastKnownState(String botId, BotState state);

  /**
   * Every bot's summary, by name: a projection that reads neither the settings' LOBs nor the
   * secrets (the fleet views need a thousand of these per request).
   */
  List<BotSummary> summaries();

  /** These bots' summaries, by name (a page of a fleet view); unknown ids are left out. */
  List<BotSummary> summaries(Collection<String> ids);
}
