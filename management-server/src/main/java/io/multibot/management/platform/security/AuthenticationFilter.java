package io.multibot.management.platform.security;

import io.multibot.common.problem.Problem;
import io.multibot.common.problem.ProblemType;
import io.multibot.management.auth.TokenIssuer;
import io.multibot.management.auth.TokenVersions;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Deny by default: every API method needs a valid bearer token unless it is {@code @PermitAll}, and
 * a token whose user was deleted, disabled, given another role or a new password since it was
 * issued is refused within seconds ({@link TokenVersions}). Answers 401 as problem+json with a
 * {@code WWW-Authenticate} challenge, and tells a user who must change their password why
 * everything else is 403.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Context private ResourceInfo resource;

  /** Looked up once (the bean is application-scoped); a race only looks it up twice. */
  private volatile TokenVersions versions;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (security == null || security.getUserPrincipal() == null) {
      request.abortWith(
          challenge(missingTokenDetail(request.getHeaderString("Authorization")), path));
      return;
    }
    if (!current(security.getUserPrincipal())) {
      request.abortWith(
          challenge(
              "Your access token was revoked: your account, role or password changed. Sign in"
                  + " again.",
              path));
      return;
    }
    if (security.isUserInRole(Roles.PASSWORD_CHANGE) && !allows(method, Roles.PASSWORD_CHANGE)) {
      request.abortWith(
          Problem.of(
                  ProblemType.FORBIDDEN,
                  "Change your password first: POST /api/v1/auth/password, then sign in again.",
                  path)
              .toResponse());
    }
  }

  /**
   * Liberty's MP-JWT reads only {@code Authorization: Bearer <token>}, with the scheme in exactly
   * that case (RFC 9110 calls scheme names case-insensitive); a client that sends {@code bearer} is
   * told so instead of being refused without a reason.
   */
  static String missingTokenDetail(String authorization) {
    if (authorization != null
        && authorization.length() > 7
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !authorization.startsWith("Bearer ")) {
      return "Send the token as 'Authorization: Bearer <token>' with the scheme name written"
          + " 'Bearer': this server does not accept other spellings of it.";
    }
    return "Send a valid bearer token: POST /api/v1/auth/login.";
  }

  private static Response challenge(String detail, String path) {
    return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED, detail, path).toResponse())
        .header("WWW-Authenticate", "Bearer realm=\"multibot\"")
        .build();
  }

  /** The token's version is its user's current one ({@link TokenVersions}). */
  private boolean current(Principal principal) {
    if (!(principal instanceof JsonWebToken token)) {
      return true;
    }
    Object claim = token.getClaim(TokenIssuer.VERSION_CLAIM);
    int version;
    if (claim instanceof JsonNumber number) {
      version = number.intValue();
    } else if (claim instanceof Number number) {
      version = number.intValue();
    } else {
      version = 0;
    }
    if (versions == null) {
      versions = CDI.current().select(TokenVersions.class).get();
    }
    return versions.isCurrent(token.getName(), version);
  }

  private boolean allows(Method method, String role) {
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    return allowed != null && Arrays.asList(allowed.value()).contains(role);
  }
}
