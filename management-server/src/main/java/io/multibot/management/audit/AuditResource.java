package io.multibot.management.audit;

import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/audit}: search the audit log, newest first (role: admin). It cannot be changed.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, from where, with which outcome")
@RolesAllowed(Roles.ADMIN)
@RequestScoped
public class AuditResource {

  private final AuditLog log;

  @Inject
  public AuditResource(AuditLog log) {
    this.log = log;
  }

  /** For CDI's proxy only. */
  protected AuditResource() {
    this(null);
  }

  @GET
  @Operation(
      operationId = "listAuditEntries",
      summary = "Search the audit log, newest first (role: admin)")
  public Page<AuditView> search(
      @Parameter(description = "Username") @QueryParam("user") String user,
      @Parameter(description = "Action, such as bot.update") @QueryParam("action") String action,
      @Parameter(description = "Target path prefix, such as /api/v1/bots/") @QueryParam("target")
          String target,
      @Parameter(description = "From this instant (inclusive), ISO-8601") @QueryParam("from")
          String from,
      @Parameter(description = "Until this instant (exclusive), ISO-8601") @QueryParam("to")
          String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    AuditQuery query =
        AuditQuery.parse(user, action, target, from, to, PageRequest.parse(page, size));
    return Page.of(log.find(query), query.page(), log.count(query));
  }
}
