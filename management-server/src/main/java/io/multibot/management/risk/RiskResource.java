package io.multibot.management.risk;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/risk/policies}: automatic risk guards (read: viewer; change: operator). */
@Path("/risk/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk", description = "Risk guards that act on their own when a limit is reached")
@RolesAllowed(Roles.VIEWER)
@RequestScoped
public class RiskResource {

  private final RiskService service;
  private final RiskGuard guard;

  @Inject
  public RiskResource(RiskService service, RiskGuard guard) {
    this.service = service;
    this.guard = guard;
  }

  /** For CDI's proxy only. */
  protected RiskResource() {
    this(null, null);
  }

  @GET
  @Operation(operationId = "listRiskPolicies", summary = "List risk policies (role: viewer)")
  public Page<RiskPolicyView> list(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(PageRequest.parse(page, size));
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "createRiskPolicy",
      summary = "Create a risk policy, armed (role: operator)")
  @Audited("risk.create")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the policy",
      content = @Content(schema = @Schema(implementation = RiskPolicyView.class)))
  public Response create(@Audited.Body RiskPolicyRequest request, @Context UriInfo uri) {
    Versioned<RiskPolicyView> created = service.create(request);
    return EntityTags.created(
        Links.location(uri, "risk/policies", created.value().name()), created);
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getRiskPolicy", summary = "Read a risk policy (role: viewer)")
  @APIResponse(
      responseCode = "200",
      description = "The policy; ETag is its version",
      content = @Content(schema = @Schema(implementation = RiskPolicyView.class)))
  public Response get(@PathParam("name") String name) {
    return EntityTags.ok(service.get(name));
  }

  @PUT
  @Path("{name}")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(operationId = "updateRiskPolicy", summary = "Replace a risk policy (role: operator)")
  @Audited("risk.update")
  @APIResponse(
      responseCode = "200",
      description = "Updated; ETag is the new version",
      content = @Content(schema = @Schema(implementation = RiskPolicyView.class)))
  public Response update(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Audited.Body RiskPolicyRequest request) {
    return EntityTags.ok(service.update(name, request, EntityTags.expectedVersion(ifMatch)));
  }

  @DELETE
  @Path("{name}")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(operationId = "deleteRiskPolicy", summary = "Delete a risk policy (role: operator)")
  @Audited("risk.delete")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(name, EntityTags.expectedVersion(ifMatch));
    return Response.noContent().build();
  }

  @POST
  @Path("{name}/rearm")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      operationId = "rearmRiskPolicy",
      summary = "Arm a tripped policy again; it acts again if still breached (role: operator)")
  @Audited("risk.rearm")
  @APIResponse(
      responseCode = "200",
      description = "The policy, armed",
      content = @Content(schema = @Schema(implementation = RiskPolicyView.class)))
  public Response rearm(@PathParam("name") String name, @Context SecurityContext security) {
    return EntityTags.ok(service.rearm(name, security.getUserPrincipal().getName()));
  }

  @GET
  @Path("{name}/evaluation")
  @Operation(
      operationId = "evaluateRiskPolicy",
      summary = "The policy's figures now, against its threshold (role: viewer)")
  public RiskEvaluationView evaluation(@PathParam("name") String name) {
    return guard.evaluation(name);
  }
}
