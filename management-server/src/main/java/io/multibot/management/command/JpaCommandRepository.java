package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link CommandRepository} on JPA; callers provide the transaction. */
@ApplicationScoped
public class JpaCommandRepository implements CommandRepository {

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  @Override
  public Optional<CommandRecord> findById(String id) {
    return Optional.ofNullable(entityManager.find(CommandRecord.class, id));
  }

  @Override
  public Optional<CommandRecord> findForUpdate(String id) {
    return Optional.ofNullable(
        entityManager.find(CommandRecord.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<CommandRecord> findByIdempotencyKey(String issuedBy, String key) {
    return entityManager
        .createQuery(
            "select c from CommandRecord c where c.issuedBy = :user and c.idempotencyKey = :key",
            CommandRecord.class)
        .setParameter("user", issuedBy)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<CommandRecord> find(CommandQuery query) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<CommandRecord> select = cb.createQuery(CommandRecord.class);
    Root<CommandRecord> command = select.from(CommandRecord.class);
    select
        .select(command)
        .where(filters(cb, command, query).toArray(Predicate[]::new))
        .orderBy(cb.desc(command.get("createdAt")), cb.desc(command.get("id")));
    return entityManager
        .createQuery(select)
        .setFirstResult(query.after() == null ? query.page().offset() : 0)
        .setMaxResults(query.page().size() + 1)
        .getResultList();
  }

  @Override
  public long count(CommandQuery query) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Long> select = cb.createQuery(Long.class);
    Root<CommandRecord> command = select.from(CommandRecord.class);
    select.select(cb.count(command)).where(filters(cb, command, query).toArray(Predicate[]::new));
    return entityManager.createQuery(select).getSingleResult();
  }

  private static List<Predicate> filters(
      CriteriaBuilder cb, Root<CommandRecord> command, CommandQuery query) {
    List<Predicate> filters = new ArrayList<>();
    if (query.botId() != null) {
      filters.add(cb.equal(command.get("botId"), query.botId()));
    }
    if (query.status() != null) {
      filters.add(cb.equal(command.get("status"), query.status()));
    }
    if (query.type() != null) {
      filters.add(cb.equal(command.get("type"), query.type()));
    }
    if (query.since() != null) {
      filters.add(cb.greaterThanOrEqualTo(command.get("createdAt"), query.since()));
    }
    CommandCursor after = query.after();
    if (after != null) {
      Path<Instant> createdAt = command.get("createdAt");
      filters.add(
          cb.or(
              cb.lessThan(createdAt, after.createdAt()),
              cb.and(
                  cb.equal(createdAt, after.createdAt()),
                  cb.lessThan(command.<String>get("id"), after.id()))));
    }
    return filters;
  }

  @Override
  public List<String> acceptedOf(String botId, int limit) {
    return entityManager
        .createQuery(
            "select c.id from CommandRecord c where c.botId = :bot and c.status = :status"
                + " order by c.createdAt, c.id",
            String.class)
        .setParameter("bot", botId)
        .setParameter("status", CommandStatus.ACCEPTED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<String> botsWithAccepted(Instant before, int limit) {
    return entityManager
        .createQuery(
            "select distinct c.botId from CommandRecord c"
                + " where c.status = :status and c.createdAt < :before",
            String.class)
        .setParameter("status", CommandStatus.ACCEPTED)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<CommandRecord> running(Instant startedBefore, int limit) {
    return entityManager
        .createQuery(
            "select c from CommandRecord c where c.status = :status and c.startedAt < :before",
            CommandRecord.class)
        .setParameter("status", CommandStatus.RUNNING)
        .setParameter("before", startedBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<CommandRecord> inFlight(int limit) {
    return entityManager
        .createQuery(
            "select c from CommandRecord c where c.status in :statuses"
                + " order by c.createdAt, c.id",
            CommandRecord.class)
        .setParameter("statuses", List.of(CommandStatus.DISPATCHED, CommandStatus.RUNNING))
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<CommandRecord> expired(List<CommandStatus> statuses, Instant now, int limit) {
    return entityManager
        .createQuery(
            "select c from CommandRecord c where c.status in :statuses and c.expiresAt < :now",
            CommandRecord.class)
        .setParameter("statuses", statuses)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(CommandRecord command) {
    entityManager.persist(command);
  }

  @Override
  public void addBatch(CommandBatch batch) {
    entityManager.persist(batch);
  }

  @Override
  public Optional<CommandBatch> findBatch(String id) {
    return Optional.ofNullable(entityManager.find(CommandBatch.class, id));
  }

  @Override
  public List<CommandRecord> membersOf(String batchId) {
    return entityManager
        .createQuery(
            "select c from CommandRecord c where c.batchId = :batch order by c.botName",
            CommandRecord.class)
        .setParameter("batch", batchId)
        .getResultList();
  }

  @Override
  public void flush() {
    entityManager.flush();
  }
}
