package io.multibot.management.status;

import io.multibot.common.status.BotState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /**
   * Every bot's live state by bot id, without the snapshots (a projection: the fleet's counts and
   * state filter need only this column, not 1,000 parsed polls).
   */
  Map<String, BotState> states() {
    Map<String, BotState> states = new HashMap<>();
    for (Object[] row :
        entityManager
            .createQuery("select s.botId, s.state from BotStatusRecord s", Object[].class)
            .getResultList()) {
      states.put((String) row[0], (BotState) row[1]);
    }
    return states;
  }

  /**
   * How many bots (with this tag, or all) are in each live state; a bot without a status row yet
   * counts as unknown. One grouped query instead of every bot's state and tags.
   */
  Map<String, Integer> countsByState(String tag) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Object[] row :
        withTag(
                "select s.state, count(b.id) from Bot b left join BotStatusRecord s"
                    + " on s.botId = b.id"
                    + (tag == null ? "" : " where :tag member of b.tags")
                    + " group by s.state",
                tag)
            .getResultList()) {
      BotState state = row[0] == null ? BotState.UNKNOWN : (BotState) row[0];
      counts.merge(state.wire(), ((Number) row[1]).intValue(), Integer::sum);
    }
    return counts;
  }

  /**
   * One page of the ids of the bots matching the query (tag, live state, exchange, strategy, part
   * of the name; each may be absent), in the query's order (ties by name, which is unique, so the
   * order is total; by name an index can serve the sort).
   */
  List<String> pageIds(FleetQuery fleet) {
    TypedQuery<Object[]> query =
        matching(fleet, "select " + fleet.sort().selectList(), fleet.sort().jpql(), Object[].class);
    return query
        .setFirstResult(fleet.page().offset())
        .setMaxResults(fleet.page().size())
        .getResultList()
        .stream()
        .map(row -> (String) row[0])
        .toList();
  }

  /** How many bots match the query (all pages). */
  int countMatching(FleetQuery fleet) {
    return matching(fleet, "select count(b.id)", "", Long.class).getSingleResult().intValue();
  }

  private <T> TypedQuery<T> matching(FleetQuery fleet, String select, String order, Class<T> type) {
    List<String> where = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    condition(where, values, fleet.tag(), ":tag member of b.tags", "tag");
    condition(where, values, fleet.exchange(), "b.settings.exchange = :exchange", "exchange");
    condition(where, values, fleet.strategy(), "b.settings.strategyName = :strategy", "strategy");
    condition(
        where,
        values,
        fleet.search() == null ? null : "%" + fleet.search() + "%",
        "b.name like :search",
        "search");
    condition(
        where,
        values,
        fleet.state(),
        fleet.state() == BotState.UNKNOWN
            ? "(s.botId is null or s.state = :state)"
            : "s.state = :state",
        "state");
    TypedQuery<T> query =
        entityManager.createQuery(
            select
                + " from Bot b left join BotStatusRecord s on s.botId = b.id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + order,
            type);
    values.forEach(query::setParameter);
    return query;
  }

  private static void condition(
      List<String> where, Map<String, Object> values, Object value, String clause, String name) {
    if (value != null) {
      where.add(clause);
      values.put(name, value);
    }
  }

  private TypedQuery<Object[]> withTag(String jpql, String tag) {
    TypedQuery<Object[]> query = entityManager.createQuery(jpql, Object[].class);
    return tag == null ? query : query.setParameter("tag", tag);
  }

  /** The statuses of these bots (one query), by bot id. */
  Map<String, BotStatusRecord> find(Collection<String> botIds) {
    if (botIds.isEmpty()) {
      return Map.of();
    }
    Map<String, BotStatusRecord> found = new HashMap<>();
    entityManager
        .createQuery("select s from BotStatusRecord s where s.botId in :ids", BotStatusRecord.class)
        .setParameter("ids", List.copyOf(botIds))
        .getResultList()
        .forEach(status -> found.put(status.getBotId(), status));
    return found;
  }

  List<BotStatusRecord> all() {
    return entityManager
        .createQuery("select s from BotStatusRecord s", BotStatusRecord.class)
        .getResultList();
  }

  /**
   * Every bot's figures for the risk guards, read every second: only the figure columns, never the
   * snapshots (a JPQL constructor expression, no entities).
   */
  List<BotFigures> figures() {
    return entityManager
        .createQuery(
            "select new io.multibot.management.status.BotFigures(s.botId, s.stakeCurrency,"
                + " s.state, s.missedPolls, s.shown.openTrades, s.shown.profitClosed,"
                + " s.shown.profitAll, s.shown.balance, s.lastSeenAt) from BotStatusRecord s",
            BotFigures.class)
        .getResultList();
  }

  /** The bots' latest poll JSON with their stake currency, of bots that hold open trades. */
  List<Object[]> snapshotsWithOpenTrades() {
    return entityManager
        .createQuery(
            "select s.botId, s.stakeCurrency, s.snapshot from BotStatusRecord s"
                + " where s.shown.openTrades > 0",
            Object[].class)
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

  /**
   * The history points of the bots with the tag (all bots when it is null) from {@code from} to
   * {@code to}; figures only, no entities. The tag is a join, not a list of ids: an IN list of a
   * thousand parameters is more than Derby compiles.
   */
  List<EquityHistory.Sample> samples(String tag, Instant from, Instant to) {
    TypedQuery<Object[]> query =
        historyQuery(
            "select h.botId, h.at, h.profitClosed, h.profitAll, h.balance",
            Object[].class,
            tag,
            from,
            to);
    return query.getResultList().stream()
        .map(
            row ->
                new EquityHistory.Sample(
                    (String) row[0],
                    (Instant) row[1],
                    (Double) row[2],
                    (Double) row[3],
                    (Double) row[4]))
        .toList();
  }

  /** How many points {@link #samples} would read (counted in the index, nothing loaded). */
  long countSamples(String tag, Instant from, Instant to) {
    return historyQuery("select count(h.id)", Long.class, tag, from, to).getSingleResult();
  }

  private <T> TypedQuery<T> historyQuery(
      String select, Class<T> type, String tag, Instant from, Instant to) {
    TypedQuery<T> query =
        entityManager.createQuery(
            select
                + " from StatusHistoryPoint h"
                + (tag == null ? "" : ", Bot b")
                + " where h.at >= :from and h.at <= :to"
                + (tag == null ? "" : " and b.id = h.botId and :tag member of b.tags"),
            type);
    query.setParameter("from", from).setParameter("to", to);
    if (tag != null) {
      query.setParameter("tag", tag);
    }
    return query;
  }
}
