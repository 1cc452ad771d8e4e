package io.multibot.management.strategy;

import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.security.Principal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/strategies}: store, version, download and delete freqtrade strategies. */
@Path("/strategies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Strategies", description = "Stored freqtrade strategy sources with version history")
@ApplicationScoped
public class StrategyResource {

  static final String PYTHON = "text/x-python";

  private final StrategyService service;

  @Inject
  public StrategyResource(StrategyService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected StrategyResource() {
    this(null);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(operationId = "listStrategies", summary = "List strategies, by name (role: viewer)")
  public Page<StrategyView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(PageRequest.parse(page, size));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "createStrategy",
      summary = "Store a new strategy as version 1 (role: admin)")
  @APIResponse(responseCode = "409", description = "A strategy with this name exists")
  @APIResponse(responseCode = "422", description = "Invalid name or source")
  @Audited("strategy.create")
  @APIResponse(
      responseCode = "201",
      description = "Stored; Location names the strategy",
      content = @Content(schema = @Schema(implementation = StrategyView.class)))
  public Response create(
      @Audited.Body CreateStrategyRequest request,
      @Context UriInfo uri,
      @Context SecurityContext security) {
    Versioned<StrategyView> created = service.create(request, actor(security));
    return EntityTags.created(Links.location(uri, "strategies", created.value().name()), created);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Path("{name}")
  @Operation(operationId = "getStrategy", summary = "Read a strategy (role: viewer)")
  @APIResponse(
      responseCode = "200",
      description = "The strategy; ETag is its version",
      content = @Content(schema = @Schema(implementation = StrategyView.class)))
  public Response get(@PathParam("name") String name) {
    return EntityTags.ok(service.get(name));
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Path("{name}")
  @Operation(
      operationId = "addStrategyVersion",
      summary = "Store a new source as the next version (role: admin)")
  @APIResponse(responseCode = "412", description = "If-Match names an older state")
  @Audited("strategy.update")
  @APIResponse(
      responseCode = "200",
      description = "Stored as the next version; ETag is the new version",
      content = @Content(schema = @Schema(implementation = StrategyView.class)))
  public Response addVersion(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Audited.Body UpdateStrategyRequest request,
      @Context SecurityContext security) {
    return EntityTags.ok(
        service.addVersion(name, request, EntityTags.expectedVersion(ifMatch), actor(security)));
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Path("{name}")
  @Operation(
      operationId = "deleteStrategy",
      summary = "Delete a strategy and all its versions (role: admin)")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "A bot uses the strategy")
  @Audited("strategy.delete")
  public Response delete(@PathParam("name") String name) {
    service.delete(name);
    return Response.noContent().build();
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Path("{name}/versions")
  @Operation(
      operationId = "listStrategyVersions",
      summary = "List a strategy's versions, oldest first (role: viewer)")
  public List<StrategyVersionView> versions(@PathParam("name") String name) {
    return service.versions(name);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Path("{name}/source")
  @Produces(PYTHON)
  @Operation(
      operationId = "getStrategySource",
      summary = "Download the latest source (role: viewer)")
  @APIResponse(
      responseCode = "200",
      description = "The source, as a .py download",
      content = @Content(mediaType = "text/x-python", schema = @Schema(type = SchemaType.STRING)))
  public Response latestSource(@PathParam("name") String name) {
    return download(service.version(name, 0));
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Path("{name}/versions/{version: [1-9][0-9]{0,8}}/source")
  @Produces(PYTHON)
  @Operation(
      operationId = "getStrategyVersionSource",
      summary = "Download one version's source (role: viewer)")
  @APIResponse(
      responseCode = "200",
      description = "The source, as a .py download",
      content = @Content(mediaType = "text/x-python", schema = @Schema(type = SchemaType.STRING)))
  public Response source(@PathParam("name") String name, @PathParam("version") int version) {
    return download(service.version(name, version));
  }

  private static Response download(StrategyVersion version) {
    return Response.ok(version.getSource(), PYTHON + ";charset=utf-8")
        .header(
            "Content-Disposition", "attachment; filename=\"" + version.getStrategyName() + ".py\"")
        .header("X-Content-Type-Options", "nosniff")
        .tag(version.getSha256())
        .build();
  }

  private static String actor(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    return principal == null ? null : principal.getName();
  }
}
