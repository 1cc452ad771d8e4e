package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored commands; callers provide the transaction. */
public interface CommandRepository {

  Optional<CommandRecord> findById(String id);

  /**
   * The command, locked until the transaction ends: the publisher and the result listener change
   * the same row within milliseconds of each other, and must take turns rather than deadlock.
   */
  Optional<CommandRecord> findForUpdate(String id);

  Optional<CommandRecord> findByIdempotencyKey(String issuedBy, String key);

  /**
   * The query's page, newest first, and the first command of the next page when there is one (at
   * most {@code size + 1} rows), so that no count is needed to know whether more follow.
   */
  List<CommandRecord> find(CommandQuery query);

  long count(CommandQuery query);

  /**
   * Ids of the bot's commands still ACCEPTED, in the order they are published in: by creation time,
   * then id. (Ids, so that the publisher locks each row as it takes it.)
   */
  List<String> acceptedOf(String botId, int limit);

  /** Bots that have commands still ACCEPTED that were created before {@code before}. */
  List<String> botsWithAccepted(Instant before, int limit);

  /** Commands RUNNING since before {@code startedBefore}. */
  List<CommandRecord> running(Instant startedBefore, int limit);

  /** Commands DISPATCHED or RUNNING, oldest first. */
  List<CommandRecord> inFlight(int limit);

  /** Commands in one of these statuses whose expiry has passed. */
  List<CommandRecord> expired(List<CommandStatus> statuses, Instant now, int limit);

  void add(CommandRecord command);

  void flush();

  void addBatch(CommandBatch batch);

  Optional<CommandBatch> findBatch(String id);

  /** The commands of a batch, by bot name. */
  List<CommandRecord> membersOf(String batchId);
}
