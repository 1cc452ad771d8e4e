package io.multibot.management.bot;

import io.multibot.common.status.BotState;
import io.multibot.management.platform.persistence.BulkUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link BotRepository} on JPA; callers provide the transaction. */
@ApplicationScoped
public class JpaBotRepository implements BotRepository {

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  @Override
  public Optional<Bot> findById(String id) {
    return Optional.ofNullable(entityManager.find(Bot.class, id));
  }

  @Override
  public Optional<Bot> findByName(String name) {
    return entityManager
        .createQuery("select b from Bot b where b.name = :name", Bot.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /**
   * Every bot with its tags in two queries (EclipseLink's batch reading of the tag collection): the
   * fleet views and the directory read the whole fleet every few seconds, and one tag query per bot
   * made each read of 1,000 bots a thousand queries.
   */
  @Override
  public List<Bot> all() {
    return entityManager
        .createQuery("select b from Bot b order by b.name", Bot.class)
        .setHint("eclipselink.batch", "b.tags")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList();
  }

  /**
   * One page in two queries: the page's ids, filtered, sorted and cut on narrow rows, then those
   * bots with their tags. Sorting whole rows made the database carry every bot's settings LOBs
   * through the sort (Derby cloned each CLOB per row), the cost of {@code /bots?size=50} at 1,000
   * bots (docs/performance.md).
   */
  @Override
  public List<Bot> find(BotQuery query) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<String> select = cb.createQuery(String.class);
    Root<Bot> bot = select.from(Bot.class);
    select.select(bot.get("id")).where(filters(cb, bot, query).toArray(Predicate[]::new));
    var order = bot.get(query.sortField());
    select.orderBy(query.descending() ? cb.desc(order) : cb.asc(order), cb.asc(bot.get("id")));
    List<String> ids =
        entityManager
            .createQuery(select)
            .setFirstResult(query.page().offset())
            .setMaxResults(query.page().size())
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Bot> byId = new HashMap<>();
    for (Bot found :
        entityManager
            .createQuery("select b from Bot b where b.id in :ids", Bot.class)
            .setParameter("ids", ids)
            .setHint("eclipselink.batch", "b.tags")
            .setHint("eclipselink.batch.type", "IN")
            .getResultList()) {
      byId.put(found.getId(), found);
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Override
  public long count(BotQuery query) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Bot> bot = count.from(Bot.class);
    count.select(cb.count(bot)).where(filters(cb, bot, query).toArray(Predicate[]::new));
    return entityManager.createQuery(count).getSingleResult();
  }

  private static List<Predicate> filters(CriteriaBuilder cb, Root<Bot> bot, BotQuery query) {
    List<Predicate> filters = new ArrayList<>();
    if (query.tag() != null) {
      filters.add(cb.isMember(query.tag(), bot.<java.util.Collection<String>>get("tags")));
    }
    if (query.state() != null) {
      filters.add(cb.equal(bot.get("lastKnownState"), query.state()));
    }
    if (query.exchange() != null) {
      filters.add(cb.equal(bot.get("settings").get("exchange"), query.exchange()));
    }
    if (query.strategy() != null) {
      filters.add(cb.equal(bot.get("settings").get("strategyName"), query.strategy()));
    }
    return filters;
  }

  @Override
  public List<String> namesUsingStrategy(String strategyName) {
    return entityManager
        .createQuery(
            "select b.name from Bot b where b.settings.strategyName = :name order by b.name",
            String.class)
        .setParameter("name", strategyName)
        .getResultList();
  }

  @Override
  public void add(Bot bot) {
    entityManager.persist(bot);
    entityManager.flush();
  }

  @Override
  public void flush() {
    entityManager.flush();
  }

  @Override
  public void remove(Bot bot) {
    entityManager.remove(bot);
  }

  @Override
  public int recordDesiredState(List<String> botIds, BotState state) {
    if (botIds.isEmpty()) {
      return 0;
    }
    return BulkUpdates.create(
            entityManager,
            "update Bot b set b.desiredState = :state"
                + " where b.id in :ids and b.desiredState <> :state")
        .setParameter("state", state)
        .setParameter("ids", botIds)
        .executeUpdate();
  }

  @Override
  public List<String> idsOf(RunMode runMode, BotState desiredState) {
    return entityManager
        .createQuery(
            "select b.id from Bot b where b.runMode = :mode and b.desiredState = :state",
            String.class)
        .setParameter("mode", runMode)
        .setParameter("state", desiredState)
        .getResultList();
  }

  @Override
  public int recordLastKnownState(String botId, BotState state) {
    return BulkUpdates.create(
            entityManager,
            "update Bot b set b.lastKnownState = :state"
                + " where b.id = :id and b.lastKnownState <> :state")
        .setParameter("state", state)
        .setParameter("id", botId)
        .executeUpdate();
  }

  @Override
  public List<BotSummary> summaries() {
    return summaries(
        entityManager.createQuery("select b.id, t from Bot b join b.tags t", Object[].class),
        entityManager.createQuery(
            "select b.id, b.name, b.settings.stakeCurrency, b.settings.exchange,"
                + " b.settings.strategyName, b.runMode from Bot b order by b.name",
            Object[].class));
  }

  /** These bots' summaries in two queries (an IN list, as a page of a fleet view has). */
  @Override
  public List<BotSummary> summaries(Collection<String> ids) {
    List<String> list = List.copyOf(ids);
    return summaries(
        entityManager
            .createQuery(
                "select b.id, t from Bot b join b.tags t where b.id in :ids", Object[].class)
            .setParameter("ids", list),
        entityManager
            .createQuery(
                "select b.id, b.name, b.settings.stakeCurrency, b.settings.exchange,"
                    + " b.settings.strategyName, b.runMode from Bot b where b.id in :ids"
                    + " order by b.name",
                Object[].class)
            .setParameter("ids", list));
  }

  private static List<BotSummary> summaries(
      TypedQuery<Object[]> tagRows, TypedQuery<Object[]> botRows) {
    Map<String, List<String>> tags = new HashMap<>();
    for (Object[] row : tagRows.getResultList()) {
      tags.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]);
    }
    return botRows.getResultList().stream()
        .map(
            row ->
                new BotSummary(
                    (String) row[0],
                    (String) row[1],
                    tags.getOrDefault((String) row[0], List.of()).stream().sorted().toList(),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    ((RunMode) row[5]).name().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
