package io.multibot.management.platform.security;

/**
 * The role names tokens carry and {@code @RolesAllowed} checks. They nest: an admin's token also
 * lists operator and viewer, so each endpoint names only the least role it needs.
 */
public final class Roles {

  /** Reads everything. */
  public static final String VIEWER = "viewer";

  /** Also sends bot commands. */
  public static final String OPERATOR = "operator";

  /** Also manages bots, strategies and users. */
  public static final String ADMIN = "admin";

  /** The only role of a user who must change their password before anything else. */
  public static final String PASSWORD_CHANGE = "password-change";

  private Roles() {}
}
