package io.multibot.management.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Channels, rules and deliveries on JPA; callers provide the transaction. */
@ApplicationScoped
public class NotificationStore {

  private static final List<DeliveryStatus> OPEN =
      List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING);

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  Optional<NotificationChannel> channel(String name) {
    return Optional.ofNullable(entityManager.find(NotificationChannel.class, name));
  }

  List<NotificationChannel> channels(int offset, int limit) {
    return entityManager
        .createQuery(
            "select c from NotificationChannel c order by c.name", NotificationChannel.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  long countChannels() {
    return entityManager
        .createQuery("select count(c) from NotificationChannel c", Long.class)
        .getSingleResult();
  }

  Optional<NotificationRule> rule(String name) {
    return Optional.ofNullable(entityManager.find(NotificationRule.class, name));
  }

  List<NotificationRule> rules(int offset, int limit) {
    return entityManager
        .createQuery("select r from NotificationRule r order by r.name", NotificationRule.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  long countRules() {
    return entityManager
        .createQuery("select count(r) from NotificationRule r", Long.class)
        .getSingleResult();
  }

  List<NotificationRule> enabledRules() {
    return entityManager
        .createQuery(
            "select r from NotificationRule r where r.enabled = true order by r.name",
            NotificationRule.class)
        .getResultList();
  }

  void add(Object entity) {
    entityManager.persist(entity);
    entityManager.flush();
  }

  void remove(Object entity) {
    entityManager.remove(entity);
  }

  /** The newest delivery with this key created since {@code since}, locked for counting. */
  Optional<Delivery> recent(String dedupKey, Instant since) {
    return entityManager
        .createQuery(
            "select d from Delivery d where d.dedupKey = :key and d.createdAt >= :since"
                + " order by d.createdAt desc",
            Delivery.class)
        .setParameter("key", dedupKey)
        .setParameter("since", since)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  Optional<Delivery> delivery(String id) {
    return Optional.ofNullable(entityManager.find(Delivery.class, id));
  }

  /** Deliveries due at {@code now} and not leased by a sender, the oldest first. */
  List<String> due(Instant now, int limit) {
    return entityManager
        .createQuery(
            "select d.id from Delivery d where d.status in :open and d.nextAttemptAt <= :now"
                + " and (d.leaseUntil is null or d.leaseUntil < :now)"
                + " order by d.nextAttemptAt, d.createdAt",
            String.class)
        .setParameter("open", OPEN)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Takes a delivery for sending until {@code until}; false if another sender holds it or it is no
   * longer open. The row version moves, so a sender whose lease ran out cannot record over another.
   */
  boolean lease(String id, Instant now, Instant until) {
    return entityManager
            .createQuery(
                "update Delivery d set d.leaseUntil = :until, d.rowVersion = d.rowVersion + 1"
                    + " where d.id = :id and d.status in :open"
                    + " and (d.leaseUntil is null or d.leaseUntil < :now)")
            .setParameter("until", until)
            .setParameter("id", id)
            .setParameter("open", OPEN)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** Messages the channel accepted since {@code since} (its rate limit). */
  long sentSince(String channel, Instant since) {
    return entityManager
        .createQuery(
            "select count(d) from Delivery d where d.channel = :channel and d.sentAt >= :since",
            Long.class)
        .setParameter("channel", channel)
        .setParameter("since", since)
        .getSingleResult();
  }

  List<Delivery> deliveries(DeliveryFilter filter, int offset, int limit) {
    TypedQuery<Delivery> query =
        entityManager.createQuery(
            "select d from Delivery d" + filter.where() + " order by d.createdAt desc, d.id",
            Delivery.class);
    filter.bind(query);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  long countDeliveries(DeliveryFilter filter) {
    TypedQuery<Long> query =
        entityManager.createQuery("select count(d) from Delivery d" + filter.where(), Long.class);
    filter.bind(query);
    return query.getSingleResult();
  }
}
