package io.multibot.management.audit;

import io.multibot.management.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.List;

/** Who is asking, from where, for the request being served. */
@RequestScoped
public class AuditContext {

  static final String AUDITED = "multibot.audited";
  private static final List<String> BY_RANK =
      List.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.PASSWORD_CHANGE);

  private final HttpServletRequest request;
  private final Clock clock;

  @Inject
  public AuditContext(HttpServletRequest request, Clock clock) {
    this.request = request;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected AuditContext() {
    this(null, null);
  }

  AuditRecord start(String action, String summary) {
    Principal principal = request.getUserPrincipal();
    String role = BY_RANK.stream().filter(request::isUserInRole).findFirst().orElse(null);
    String target = request.getRequestURI();
    return new AuditRecord(
        clock.instant(),
        principal == null ? null : principal.getName(),
        role,
        request.getRemoteAddr(),
        action,
        target,
        0,
        summary);
  }

  void markAudited() {
    request.setAttribute(AUDITED, Boolean.TRUE);
  }

  boolean isAudited() {
    return Boolean.TRUE.equals(request.getAttribute(AUDITED));
  }
}
