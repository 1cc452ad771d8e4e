package io.multibot.management.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Test-only repository: each method is one JTA transaction, as a service's would be. */
@ApplicationScoped
@Transactional
public class ProbeStore {

  @PersistenceContext(unitName = "probe")
  private EntityManager entityManager;

  public void save(ProbeRecord record) {
    entityManager.persist(record);
  }

  public void saveThenFail(ProbeRecord record) {
    entityManager.persist(record);
    entityManager.flush();
    throw new IllegalStateException("fails after the insert reached the database");
  }

  public Optional<ProbeRecord> find(String id) {
    return Optional.ofNullable(entityManager.find(ProbeRecord.class, id));
  }

  public ProbeRecord update(ProbeRecord detached) {
    return entityManager.merge(detached);
  }

  public List<ProbeRecord> named(String prefix) {
    return entityManager
        .createQuery(
            "select p from ProbeRecord p where p.name like :prefix order by p.name",
            ProbeRecord.class)
        .setParameter("prefix", prefix + "%")
        .getResultList();
  }
}
