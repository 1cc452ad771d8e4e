package io.multibot.management.auth;

import io.multibot.management.audit.Audited;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/auth}: sign in, refresh tokens, who am I, change my password. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Authentication",
    description = "Sign-in, token refresh, the current user and their password")
@RequestScoped
public class AuthResource {

  private final AuthService service;

  @Inject
  public AuthResource(AuthService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected AuthResource() {
    this(null);
  }

  @POST
  @Path("login")
  @PermitAll
  @Operation(
      operationId = "login",
      summary = "Sign in (no role needed): returns an access token and a refresh token")
  @APIResponse(responseCode = "401", description = "Wrong username or password")
  @APIResponse(responseCode = "429", description = "Too many failed logins; see Retry-After")
  @Audited("auth.login")
  @APIResponse(
      responseCode = "200",
      description = "Signed in: an access and a refresh token",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  public Response login(@Audited.Body LoginRequest request, @Context HttpServletRequest http) {
    return noStore(service.login(request, http.getRemoteAddr()));
  }

  @POST
  @Path("refresh")
  @PermitAll
  @Operation(
      operationId = "refreshTokens",
      summary =
          "Exchange a refresh token for new tokens (no role needed); the old one stops working")
  @APIResponse(responseCode = "401", description = "Invalid, expired or revoked refresh token")
  @Audited("auth.refresh")
  @APIResponse(
      responseCode = "200",
      description = "New tokens; the old refresh token stops working",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  public Response refresh(@Audited.Body RefreshRequest request) {
    return noStore(service.refresh(request));
  }

  @GET
  @Path("me")
  @RolesAllowed({Role.VIEWER_NAME, Role.PASSWORD_CHANGE_NAME})
  @Operation(operationId = "getCurrentUser", summary = "The signed-in user (role: viewer)")
  public UserView me(@Context SecurityContext security) {
    return service.me(security.getUserPrincipal().getName());
  }

  @POST
  @Path("password")
  @RolesAllowed({Role.VIEWER_NAME, Role.PASSWORD_CHANGE_NAME})
  @Operation(
      operationId = "changePassword",
      summary = "Change your own password (role: viewer); sign in again afterwards")
  @APIResponse(responseCode = "204", description = "Changed; every refresh token is revoked")
  @Audited("auth.password")
  public Response changePassword(
      @Audited.Body PasswordChangeRequest request, @Context SecurityContext security) {
    service.changePassword(security.getUserPrincipal().getName(), request);
    return Response.noContent().build();
  }

  private static Response noStore(TokenResponse tokens) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(tokens).cacheControl(noStore).header("Pragma", "no-cache").build();
  }
}
