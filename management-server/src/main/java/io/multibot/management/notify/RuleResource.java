package io.multibot.management.notify;

import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/notifications/rules}: which alerts go to which channels (role: admin). */
@Path("/notifications/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Alert channels, rules and the delivery record")
@RolesAllowed(Roles.ADMIN)
@RequestScoped
public class RuleResource {

  private final RuleService service;

  @Inject
  public RuleResource(RuleService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected RuleResource() {
    this(null);
  }

  @GET
  @Operation(operationId = "listRules", summary = "List notification rules (role: admin)")
  public Page<RuleView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(PageRequest.parse(page, size));
  }

  @POST
  @Operation(operationId = "createRule", summary = "Create a notification rule (role: admin)")
  @Audited("notification.rule.create")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the rule",
      content = @Content(schema = @Schema(implementation = RuleView.class)))
  public Response create(@Audited.Body RuleRequest request, @Context UriInfo uri) {
    Versioned<RuleView> created = service.create(request);
    return EntityTags.created(
        Links.location(uri, "notifications/rules", created.value().name()), created);
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getRule", summary = "Read a notification rule (role: admin)")
  @APIResponse(
      responseCode = "200",
      description = "The rule; ETag is its version",
      content = @Content(schema = @Schema(implementation = RuleView.class)))
  public Response get(@PathParam("name") String name) {
    return EntityTags.ok(service.get(name));
  }

  @PUT
  @Path("{name}")
  @Operation(operationId = "updateRule", summary = "Replace a notification rule (role: admin)")
  @Audited("notification.rule.update")
  @APIResponse(
      responseCode = "200",
      description = "Updated; ETag is the new version",
      content = @Content(schema = @Schema(implementation = RuleView.class)))
  public Response update(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Audited.Body RuleRequest request) {
    return EntityTags.ok(service.update(name, request, EntityTags.expectedVersion(ifMatch)));
  }

  @DELETE
  @Path("{name}")
  @Operation(operationId = "deleteRule", summary = "Delete a notification rule (role: admin)")
  @Audited("notification.rule.delete")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(name, EntityTags.expectedVersion(ifMatch));
    return Response.noContent().build();
  }
}
