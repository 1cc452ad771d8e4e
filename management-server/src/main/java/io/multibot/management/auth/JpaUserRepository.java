package io.multibot.management.auth;

import io.multibot.management.platform.persistence.BulkUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link UserRepository} on JPA; callers provide the transaction. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  /** Container-managed; JPA injects persistence contexts into fields. */
  @PersistenceContext(unitName = "multibot")
  private EntityManager entityManager;

  @Override
  public Optional<User> findByUsername(String username) {
    return entityManager
        .createQuery("select u from User u where u.username = :name", User.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<User> list(int offset, int limit) {
    return entityManager
        .createQuery("select u from User u order by u.username", User.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count() {
    return entityManager.createQuery("select count(u) from User u", Long.class).getSingleResult();
  }

  @Override
  public long countEnabledAdmins() {
    return entityManager
        .createQuery(
            "select count(u) from User u where u.role = :role and u.enabled = true", Long.class)
        .setParameter("role", Role.ADMIN)
        .getSingleResult();
  }

  @Override
  public void add(User user) {
    entityManager.persist(user);
    entityManager.flush();
  }

  @Override
  public void remove(User user) {
    entityManager.remove(user);
  }

  @Override
  public void flush() {
    entityManager.flush();
  }

  @Override
  public Optional<RefreshToken> findRefreshToken(String tokenHash) {
    return Optional.ofNullable(entityManager.find(RefreshToken.class, tokenHash));
  }

  @Override
  public void addRefreshToken(RefreshToken token) {
    entityManager.persist(token);
  }

  @Override
  public void revokeRefreshTokens(User user) {
    BulkUpdates.create(
            entityManager, "update RefreshToken t set t.revoked = true where t.user = :user")
        .setParameter("user", user)
        .executeUpdate();
  }
}
