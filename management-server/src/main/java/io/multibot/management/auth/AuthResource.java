package io.multibot.management.auth;

import io.multibot.management.audit.Audited;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/auth}: sign in, refresh tokens, sign out, who am I, change my password.
 *
 * <p>Two ways to hold the refresh token. Scripts get it in the body. The browser console asks for
 * {@code ?session=cookie} and gets it only as an {@code HttpOnly; Secure; SameSite=Strict} cookie
 * scoped to {@value #COOKIE_PATH}: no script on the page can read it, other sites cannot send it,
 * and it travels only to the refresh route (POST refreshes, DELETE signs out). {@code AuthApiIT}
 * checks the cookie's attributes and that its token never appears in a body.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Authentication",
    description = "Sign-in, token refresh, the current user and their password")
@RequestScoped
public class AuthResource {

  /** The console's refresh-token cookie. */
  static final String COOKIE = "multibot_refresh";

  /** The only path the cookie is sent to: the refresh route (POST refreshes, DELETE signs out). */
  static final String COOKIE_PATH = "/api/v1/auth/refresh";

  private static final String COOKIE_MODE = "cookie";

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
  public Response login(
      @Audited.Body LoginRequest request,
      @Parameter(
              description =
                  "cookie: the refresh token comes as an HttpOnly cookie for the refresh route"
                      + " instead of in the body (the browser console's mode)")
          @QueryParam("session")
          String session,
      @Context HttpServletRequest http) {
    TokenResponse tokens = service.login(request, http.getRemoteAddr());
    return COOKIE_MODE.equals(session) ? inCookie(tokens) : noStore(tokens).build();
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
  public Response refresh(
      @Audited.Body RefreshRequest request,
      @Parameter(hidden = true) @CookieParam(COOKIE) String cookie) {
    String inBody = request == null ? null : request.refreshToken();
    if (inBody == null && cookie != null) {
      return inCookie(service.refresh(cookie));
    }
    return noStore(service.refresh(inBody)).build();
  }

  @DELETE
  @Path("refresh")
  @PermitAll
  @Operation(
      operationId = "signOut",
      summary =
          "Sign out (no role needed): the refresh token, from the body or the console's cookie,"
              + " stops working at once; the cookie is cleared")
  @APIResponse(responseCode = "204", description = "Signed out (also when the token was unknown)")
  @Audited("auth.logout")
  public Response signOut(
      @RequestBody(description = "The refresh token to end; {} when the console's cookie holds it")
          @Audited.Body
          RefreshRequest request,
      @Parameter(hidden = true) @CookieParam(COOKIE) String cookie) {
    String inBody = request == null ? null : request.refreshToken();
    service.signOut(inBody == null ? cookie : inBody);
    return Response.noContent().cookie(cookie("", 0)).build();
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

  private Response inCookie(TokenResponse tokens) {
    TokenResponse withoutRefresh =
        new TokenResponse(
            tokens.accessToken(),
            null,
            tokens.tokenType(),
            tokens.expiresIn(),
            tokens.passwordChangeRequired());
    int maxAge = (int) Math.min(Integer.MAX_VALUE, service.refreshTtl().toSeconds());
    return noStore(withoutRefresh).cookie(cookie(tokens.refreshToken(), maxAge)).build();
  }

  private static NewCookie cookie(String value, int maxAge) {
    return new NewCookie.Builder(COOKIE)
        .value(value)
        .path(COOKIE_PATH)
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  private static Response.ResponseBuilder noStore(TokenResponse tokens) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(tokens).cacheControl(noStore).header("Pragma", "no-cache");
  }
}
