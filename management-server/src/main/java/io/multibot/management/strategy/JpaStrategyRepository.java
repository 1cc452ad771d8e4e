package io.multibot.management.strategy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link StrategyRepository} on JPA; callers provide the transaction. */
@ApplicationScoped
public class JpaStrategyRepository implements StrategyRepository {

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  @Override
  public Optional<Strategy> findByName(String name) {
    return entityManager
        .createNamedQuery("Strategy.byName", Strategy.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<StrategyVersion> findVersion(String name, int version) {
    return entityManager
        .createNamedQuery("StrategyVersion.byNameAndVersion", StrategyVersion.class)
        .setParameter("name", name)
        .setParameter("version", version)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Strategy> list(int offset, int limit) {
    return entityManager
        .createNamedQuery("Strategy.all", Strategy.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count() {
    return entityManager.createNamedQuery("Strategy.count", Long.class).getSingleResult();
  }

  @Override
  public void add(Strategy strategy) {
    entityManager.persist(strategy);
    entityManager.flush();
  }

  @Override
  public void remove(Strategy strategy) {
    entityManager.remove(strategy);
  }

  @Override
  public void flush() {
    entityManager.flush();
  }
}
