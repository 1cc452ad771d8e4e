package io.multibot.management.auth;

import io.multibot.management.platform.security.Roles;
import java.util.List;
import java.util.Locale;

/**
 * What a user may do. Roles nest: an operator can do all a viewer can, an admin all an operator
 * can; a token lists every role its user holds, so {@code @RolesAllowed} names only the least one.
 */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  public static final String VIEWER_NAME = Roles.VIEWER;
  public static final String OPERATOR_NAME = Roles.OPERATOR;
  public static final String ADMIN_NAME = Roles.ADMIN;
  public static final String PASSWORD_CHANGE_NAME = Roles.PASSWORD_CHANGE;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role and every role it includes, as token groups. */
  public List<String> groups() {
    return switch (this) {
      case VIEWER -> List.of(VIEWER_NAME);
      case OPERATOR -> List.of(OPERATOR_NAME, VIEWER_NAME);
      case ADMIN -> List.of(ADMIN_NAME, OPERATOR_NAME, VIEWER_NAME);
    };
  }

  /** The role an API name stands for, or {@code null}. */
  public static Role parse(String apiName) {
    for (Role role : values()) {
      if (role.apiName().equals(apiName)) {
        return role;
      }
    }
    return null;
  }
}
