package io.multibot.management.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Risk policies on JPA; callers provide the transaction. */
@ApplicationScoped
public class RiskStore {

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  Optional<RiskPolicy> find(String name) {
    return Optional.ofNullable(entityManager.find(RiskPolicy.class, name));
  }

  List<RiskPolicy> list(int offset, int limit) {
    return entityManager
        .createQuery("select p from RiskPolicy p order by p.name", RiskPolicy.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  long count() {
    return entityManager
        .createQuery("select count(p) from RiskPolicy p", Long.class)
        .getSingleResult();
  }

  List<RiskPolicy> enabled() {
    return entityManager
        .createQuery(
            "select p from RiskPolicy p where p.enabled = true order by p.name", RiskPolicy.class)
        .getResultList();
  }

  void add(RiskPolicy policy) {
    entityManager.persist(policy);
    entityManager.flush();
  }

  void flush() {
    entityManager.flush();
  }

  void remove(RiskPolicy policy) {
    entityManager.remove(policy);
  }
}
