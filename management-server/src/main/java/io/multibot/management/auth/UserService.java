package io.multibot.management.auth;

import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.persistence.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Administration of users: create, change role, disable, reset password, delete. */
@ApplicationScoped
@Transactional
public class UserService {

  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final TokenVersions versions;

  @Inject
  public UserService(
      UserRepository users, PasswordHasher hasher, Clock clock, TokenVersions versions) {
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
    this.versions = versions;
  }

  /** For CDI's proxy only. */
  protected UserService() {
    this(null, null, null, null);
  }

  public Versioned<UserView> create(UserRequest request) {
    if (request == null
        || request.username() == null
        || !USERNAME.matcher(request.username()).matches()) {
      throw AuthProblems.invalid("username", "must be 3 to 64 letters, digits, '.', '_' or '-'");
    }
    Role role = role(request.role());
    String weakness = PasswordHasher.weakness(request.password(), request.username());
    if (weakness != null) {
      throw AuthProblems.invalid("password", weakness);
    }
    if (users.findByUsername(request.username()).isPresent()) {
      throw AuthProblems.userExists(request.username());
    }
    User user =
        new User(request.username(), hasher.hash(request.password()), role, true, clock.instant());
    if (Boolean.FALSE.equals(request.enabled())) {
      user.update(role, false, clock.instant());
    }
    try {
      users.add(user);
    } catch (PersistenceException e) {
      if (ConstraintViolations.isCause(e)) {
        throw AuthProblems.userExists(request.username());
      }
      throw e;
    }
    return new Versioned<>(UserView.of(user), user.getRowVersion());
  }

  /** Creates a user at startup, outside the API (the initial administrator). */
  public void createInitial(String username, String password, Role role, boolean mustChange) {
    users.add(new User(username, hasher.hash(password), role, mustChange, clock.instant()));
  }

  public boolean anyUser() {
    return users.count() > 0;
  }

  public Page<UserView> list(PageRequest page) {
    return Page.of(
        users.list(page.offset(), page.size()).stream().map(UserView::of).toList(),
        page,
        users.count());
  }

  public Versioned<UserView> get(String username) {
    User user = find(username);
    return new Versioned<>(UserView.of(user), user.getRowVersion());
  }

  public Versioned<UserView> update(String username, UserRequest request, OptionalLong expected) {
    User user = find(username);
    EntityTags.check(expected, user.getRowVersion());
    if (request == null) {
      throw AuthProblems.invalid("role", "is required");
    }
    if (request.username() != null && !request.username().equals(username)) {
      throw AuthProblems.invalid("username", "cannot be changed");
    }
    Role role = role(request.role());
    boolean enabled = request.enabled() == null || request.enabled();
    keepAnAdmin(user, role, enabled);
    user.update(role, enabled, clock.instant());
    if (request.password() != null) {
      resetPassword(user, request.password());
    }
    if (!enabled || request.password() != null) {
      users.revokeRefreshTokens(user);
    }
    users.flush();
    versions.forget(user.getUsername());
    return new Versioned<>(UserView.of(user), user.getRowVersion());
  }

  private void keepAnAdmin(User user, Role newRole, boolean enabled) {
    boolean isAdmin = user.getRole() == Role.ADMIN && user.isEnabled();
    boolean staysAdmin = newRole == Role.ADMIN && enabled;
    if (isAdmin && !staysAdmin && users.countEnabledAdmins() <= 1) {
      throw AuthProblems.lastAdmin();
    }
  }

  private void resetPassword(User user, String password) {
    String weakness = PasswordHasher.weakness(password, user.getUsername());
    if (weakness != null) {
      throw AuthProblems.invalid("password", weakness);
    }
    user.resetPassword(hasher.hash(password), clock.instant());
  }

  public void delete(String username, String actor) {
    User user = find(username);
    if (user.getUsername().equals(actor)) {
      throw AuthProblems.invalid("username", "you cannot delete yourself");
    }
    if (user.getRole() == Role.ADMIN && user.isEnabled() && users.countEnabledAdmins() <= 1) {
      throw AuthProblems.lastAdmin();
    }
    users.remove(user);
    versions.forget(user.getUsername());
  }

  private User find(String username) {
    return users.findByUsername(username).orElseThrow(() -> AuthProblems.userNotFound(username));
  }

  private static Role role(String name) {
    Role role = Role.parse(name);
    if (role == null) {
      throw AuthProblems.invalid("role", "must be viewer, operator or admin");
    }
    return role;
  }
}
