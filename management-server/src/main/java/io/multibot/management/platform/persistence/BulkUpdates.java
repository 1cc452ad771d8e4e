package io.multibot.management.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * JPQL bulk updates with their values bound as statement parameters. EclipseLink writes the values
 * of a bulk {@code update ... where} into the SQL text as literals unless told otherwise, so every
 * bot id made a new statement: the database parsed and planned it again each time (Derby generates
 * a class per statement; the kill switch spent about 5 % of management's CPU there, see
 * docs/performance.md). Bound, one statement text serves every bot and the statement caches work.
 *
 * <p>Invariant: a bulk update's SQL text does not depend on its values. {@code BulkUpdatesIT}
 * catches a breach by reading Derby's statement cache after two updates with different values.
 */
public final class BulkUpdates {

  /** EclipseLink's query hint; kept as text so the API needs no EclipseLink types. */
  static final String BIND_PARAMETERS = "eclipselink.jdbc.bind-parameters";

  private BulkUpdates() {}

  /** A bulk update or delete whose parameters are bound, never inlined. */
  public static Query create(EntityManager entityManager, String jpql) {
    return entityManager.createQuery(jpql).setHint(BIND_PARAMETERS, "True");
  }
}
