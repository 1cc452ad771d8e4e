package io.multibot.management.audit;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.management.platform.api.PageRequest;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    if (blank(value) == null) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED,
          "Invalid audit query.",
          List.of(
              new FieldError(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z")));
    }
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
