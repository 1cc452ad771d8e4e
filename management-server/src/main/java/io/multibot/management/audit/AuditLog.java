package io.multibot.management.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes and queries audit entries. */
@ApplicationScoped
public class AuditLog {

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  /** Writes in the caller's transaction, so the entry commits or rolls back with the change. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(AuditRecord record) {
    entityManager.persist(new AuditEntry(record));
    entityManager.flush();
  }

  /** Writes in a transaction of its own, for requests whose change did not happen. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void appendAlone(AuditRecord record) {
    entityManager.persist(new AuditEntry(record));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditView> find(AuditQuery query) {
    TypedQuery<AuditEntry> select =
        entityManager.createQuery(
            "select a from AuditEntry a" + query.where() + " order by a.occurredAt desc, a.id desc",
            AuditEntry.class);
    query.bind(select);
    return select
        .setFirstResult(query.page().offset())
        .setMaxResults(query.page().size())
        .getResultList()
        .stream()
        .map(AuditEntry::view)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(AuditQuery query) {
    TypedQuery<Long> count =
        entityManager.createQuery("select count(a) from AuditEntry a" + query.where(), Long.class);
    query.bind(count);
    return count.getSingleResult();
  }
}
