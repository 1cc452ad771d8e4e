package io.multibot.management.auth;

import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
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

/** {@code /api/v1/users}: user administration (role: admin). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "User administration; every operation needs the admin role")
@RolesAllowed(Role.ADMIN_NAME)
@RequestScoped
public class UserResource {

  private final UserService service;

  @Inject
  public UserResource(UserService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected UserResource() {
    this(null);
  }

  @GET
  @Operation(operationId = "listUsers", summary = "List users (role: admin)")
  public Page<UserView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(PageRequest.parse(page, size));
  }

  @POST
  @Operation(
      operationId = "createUser",
      summary = "Create a user, who must change the password at first sign-in (role: admin)")
  @Audited("user.create")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the user",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  public Response create(@Audited.Body UserRequest request, @Context UriInfo uri) {
    Versioned<UserView> created = service.create(request);
    return EntityTags.created(Links.location(uri, "users", created.value().username()), created);
  }

  @GET
  @Path("{username}")
  @Operation(operationId = "getUser", summary = "Read a user (role: admin)")
  @APIResponse(
      responseCode = "200",
      description = "The user; ETag is its version",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  public Response get(@PathParam("username") String username) {
    return EntityTags.ok(service.get(username));
  }

  @PUT
  @Path("{username}")
  @Operation(
      operationId = "updateUser",
      summary = "Change role, enable or disable, or reset the password (role: admin)")
  @Audited("user.update")
  @APIResponse(
      responseCode = "200",
      description = "Updated; ETag is the new version",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  public Response update(
      @PathParam("username") String username,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Audited.Body UserRequest request) {
    return EntityTags.ok(service.update(username, request, EntityTags.expectedVersion(ifMatch)));
  }

  @DELETE
  @Path("{username}")
  @Operation(
      operationId = "deleteUser",
      summary = "Delete a user (role: admin); not yourself, not the last admin")
  @Audited("user.delete")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("username") String username, @Context SecurityContext security) {
    service.delete(username, security.getUserPrincipal().getName());
    return Response.noContent().build();
  }
}
