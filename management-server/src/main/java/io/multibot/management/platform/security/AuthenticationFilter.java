package io.multibot.management.platform.security;

import io.multibot.common.problem.Problem;
import io.multibot.common.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Deny by default: every API method needs a valid bearer token unless it is {@code @PermitAll}.
 * Answers 401 as problem+json with a {@code WWW-Authenticate} challenge, and tells a user who must
 * change their password why everything else is 403.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Context private ResourceInfo resource;

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
          Response.fromResponse(
                  Problem.of(
                          ProblemType.UNAUTHORIZED,
                          "Send a valid bearer token: POST /api/v1/auth/login.",
                          path)
                      .toResponse())
              .header("WWW-Authenticate", "Bearer realm=\"multibot\"")
              .build());
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

  private boolean allows(Method method, String role) {
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    return allowed != null && Arrays.asList(allowed.value()).contains(role);
  }
}
