package io.multibot.management.status;

import io.multibot.common.status.BotState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where bot statuses and their history are kept. */
@ApplicationScoped
public class StatusStore {

  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  Optional<BotStatusRecord> find(String botId) {
    return Optional.ofNullable(entityManager.find(BotStatusRecord.class, botId));
  }

  /** The bot's status row, locked for this transaction; created when it has none. */
  BotStatusRecord lockOrCreate(String botId, Instant now) {
    BotStatusRecord found =
        entityManager.find(BotStatusRecord.class, botId, LockModeType.PESSIMISTIC_WRITE);
    if (found != null) {
      return found;
    }
    BotStatusRecord created = new BotStatusRecord(botId, now);
    entityManager.persist(created);
    return created;
  }

  List<BotStatusRecord> all() {
    return entityManager
        .createQuery("select s from BotStatusRecord s", BotStatusRecord.class)
        .getResultList();
  }

  /** Statuses that still claim a live state but were last polled before {@code before}. */
  List<BotStatusRecord> silentSince(Instant before) {
    return entityManager
        .createQuery(
            "select s from BotStatusRecord s where s.lastPolledAt < :before"
                + " and s.state in :live",
            BotStatusRecord.class)
        .setParameter("before", before)
        .setParameter("live", List.of(BotState.RUNNING, BotState.PAUSED))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  void addHistory(StatusHistoryPoint point) {
    entityManager.persist(point);
  }

  List<StatusHistoryPoint> history(String botId, Instant since, int limit) {
    return entityManager
        .createQuery(
            "select h from StatusHistoryPoint h where h.botId = :bot and h.at >= :since"
                + " order by h.at",
            StatusHistoryPoint.class)
        .setParameter("bot", botId)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList();
  }
}
