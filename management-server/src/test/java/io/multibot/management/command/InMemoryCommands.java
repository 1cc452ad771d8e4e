package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command repository as a map, for the use cases' unit tests (no locking, no paging). */
final class InMemoryCommands implements CommandRepository {

  final Map<String, CommandRecord> stored = new LinkedHashMap<>();
  final Map<String, CommandBatch> batches = new LinkedHashMap<>();

  @Override
  public Optional<CommandRecord> findById(String id) {
    return Optional.ofNullable(stored.get(id));
  }

  @Override
  public Optional<CommandRecord> findForUpdate(String id) {
    return findById(id);
  }

  @Override
  public Optional<CommandRecord> findByIdempotencyKey(String issuedBy, String key) {
    return stored.values().stream()
        .filter(c -> key.equals(c.getIdempotencyKey()) && issuedBy.equals(c.getIssuedBy()))
        .findFirst();
  }

  @Override
  public List<CommandRecord> find(CommandQuery query) {
    throw new UnsupportedOperationException("queries are tested against a database");
  }

  @Override
  public long count(CommandQuery query) {
    throw new UnsupportedOperationException("queries are tested against a database");
  }

  @Override
  public List<String> acceptedOf(String botId, int limit) {
    return stored.values().stream()
        .filter(c -> c.getBotId().equals(botId) && c.getStatus() == CommandStatus.ACCEPTED)
        .sorted(Comparator.comparing(CommandRecord::getCreatedAt))
        .map(CommandRecord::getId)
        .limit(limit)
        .toList();
  }

  @Override
  public List<String> botsWithAccepted(Instant before, int limit) {
    return stored.values().stream()
        .filter(c -> c.getStatus() == CommandStatus.ACCEPTED && c.getCreatedAt().isBefore(before))
        .map(CommandRecord::getBotId)
        .distinct()
        .limit(limit)
        .toList();
  }

  @Override
  public List<CommandRecord> running(Instant startedBefore, int limit) {
    return stored.values().stream()
        .filter(c -> c.getStatus() == CommandStatus.RUNNING)
        .filter(c -> c.getStartedAt().isBefore(startedBefore))
        .limit(limit)
        .toList();
  }

  @Override
  public List<CommandRecord> inFlight(int limit) {
    return stored.values().stream()
        .filter(
            c ->
                c.getStatus() == CommandStatus.DISPATCHED || c.getStatus() == CommandStatus.RUNNING)
        .limit(limit)
        .toList();
  }

  @Override
  public List<CommandRecord> expired(List<CommandStatus> statuses, Instant now, int limit) {
    return stored.values().stream()
        .filter(c -> statuses.contains(c.getStatus()) && c.getExpiresAt().isBefore(now))
        .limit(limit)
        .toList();
  }

  @Override
  public void add(CommandRecord command) {
    if (command.getIdempotencyKey() != null
        && findByIdempotencyKey(command.getIssuedBy(), command.getIdempotencyKey()).isPresent()) {
      throw new IllegalStateException("the unique key (issued_by, idempotency_key) is violated");
    }
    stored.put(command.getId(), command);
  }

  @Override
  public void flush() {
    // nothing is deferred
  }

  @Override
  public void addBatch(CommandBatch batch) {
    batches.put(batch.getId(), batch);
  }

  @Override
  public Optional<CommandBatch> findBatch(String id) {
    return Optional.ofNullable(batches.get(id));
  }

  @Override
  public List<CommandRecord> membersOf(String batchId) {
    List<CommandRecord> members = new ArrayList<>();
    for (CommandRecord command : stored.values()) {
      if (batchId.equals(command.getBatchId())) {
        members.add(command);
      }
    }
    members.sort(Comparator.comparing(CommandRecord::getBotName));
    return members;
  }
}
