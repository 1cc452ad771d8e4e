package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import io.multibot.management.notify.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Marks a batch finished once its last command has reached an outcome and, when some did not
 * succeed, raises {@code batch.finished-with-failures}, in one transaction.
 *
 * <p>Invariant: told once. The mark is a conditional update ({@code finished_at is null}), so of
 * two replicas noticing the same batch only one changes the row and raises the alert; the other
 * sees zero rows. {@code NotificationApiIT} (Derby and PostgreSQL) checks one message after the
 * last result and none before.
 */
@ApplicationScoped
public class BatchFinisher {

  private static final List<CommandStatus> UNFINISHED =
      List.of(CommandStatus.ACCEPTED, CommandStatus.DISPATCHED, CommandStatus.RUNNING);

  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  private final Alerts alerts;
  private final Clock clock;

  @Inject
  public BatchFinisher(Alerts alerts, Clock clock) {
    this.alerts = alerts;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected BatchFinisher() {
    this(null, null);
  }

  /** Batches created since {@code since} whose finish has not been noticed yet. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> unfinished(Instant since, int limit) {
    return entityManager
        .createQuery(
            "select b.id from CommandBatch b where b.finishedAt is null and b.createdAt >= :since"
                + " order by b.createdAt",
            String.class)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Marks the batch finished if all its commands have an outcome; true if this call did (and told
   * of its failures, if any).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean finishIfDone(String batchId) {
    Long open =
        entityManager
            .createQuery(
                "select count(c) from CommandRecord c where c.batchId = :batch"
                    + " and c.status in :unfinished",
                Long.class)
            .setParameter("batch", batchId)
            .setParameter("unfinished", UNFINISHED)
            .getSingleResult();
    if (open > 0) {
      return false;
    }
    Instant now = clock.instant();
    int marked =
        entityManager
            .createQuery(
                "update CommandBatch b set b.finishedAt = :now"
                    + " where b.id = :batch and b.finishedAt is null")
            .setParameter("now", now)
            .setParameter("batch", batchId)
            .executeUpdate();
    if (marked == 1) {
      tellFailures(batchId, now);
    }
    return marked == 1;
  }

  private void tellFailures(String batchId, Instant now) {
    CommandBatch batch = entityManager.find(CommandBatch.class, batchId);
    List<CommandStatus> outcomes =
        entityManager
            .createQuery(
                "select c.status from CommandRecord c where c.batchId = :batch",
                CommandStatus.class)
            .setParameter("batch", batchId)
            .getResultList();
    Map<String, Integer> failed = new TreeMap<>();
    outcomes.stream()
        .filter(s -> s != CommandStatus.SUCCEEDED)
        .forEach(s -> failed.merge(s.name(), 1, Integer::sum));
    if (batch == null || failed.isEmpty()) {
      return;
    }
    int failures = failed.values().stream().mapToInt(Integer::intValue).sum();
    alerts.raise(
        Alert.of(
            AlertType.BATCH_FINISHED_WITH_FAILURES,
            null,
            "batch " + batchId,
            batch.getKind().name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + batch.getType().wireName()
                + " by "
                + batch.getIssuedBy()
                + ": "
                + failures
                + " of "
                + outcomes.size()
                + " command(s) did not succeed "
                + failed,
            now));
  }
}
