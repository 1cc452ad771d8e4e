package io.multibot.management.audit;

import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.QueryInstant;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Filters of an audit search: user, action, target prefix and a time range, newest first. */
record AuditQuery(
    String user, String action, String target, Instant from, Instant to, PageRequest page) {

  static AuditQuery parse(
      String user, String action, String target, String from, String to, PageRequest page) {
    return new AuditQuery(
        blank(user), blank(action), blank(target), instant("from", from), instant("to", to), page);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Instant instant(String field, String value) {
    return QueryInstant.parse(field, value);
  }

  String where() {
    List<String> conditions = new ArrayList<>();
    if (user != null) {
      conditions.add("a.username = :user");
    }
    if (action != null) {
      conditions.add("a.action = :action");
    }
    if (target != null) {
      conditions.add("a.target like :target");
    }
    if (from != null) {
      conditions.add("a.occurredAt >= :from");
    }
    if (to != null) {
      conditions.add("a.occurredAt < :to");
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  void bind(TypedQuery<?> query) {
    if (user != null) {
      query.setParameter("user", user);
    }
    if (action != null) {
      query.setParameter("action", action);
    }
    if (target != null) {
      query.setParameter("target", target.replace("%", "").replace("_", "") + "%");
    }
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
  }
}
