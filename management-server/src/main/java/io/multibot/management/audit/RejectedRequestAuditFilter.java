package io.multibot.management.audit;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * Audits mutating requests refused before any resource method ran: no or a bad token, a missing
 * role, an unreadable body, a wrong media type. Their action is the method and path.
 */
@Provider
public class RejectedRequestAuditFilter implements ContainerResponseFilter {

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** JAX-RS creates providers itself; the beans are looked up per request. */
  public RejectedRequestAuditFilter() {
    // nothing to set up
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!MUTATING.contains(request.getMethod()) || response.getStatus() < 400) {
      return;
    }
    AuditContext context = CDI.current().select(AuditContext.class).get();
    if (context.isAudited()) {
      return;
    }
    String action = "rejected." + request.getMethod().toLowerCase(Locale.ROOT);
    CDI.current()
        .select(AuditLog.class)
        .get()
        .appendAlone(context.start(action, null).withOutcome(response.getStatus()));
  }
}
