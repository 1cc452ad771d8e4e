package io.multibot.management.auth;

import io.multibot.management.platform.persistence.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On a first start (no users yet), creates the administrator {@code MULTIBOT_ADMIN_USER} (default
 * {@code admin}) with {@code MULTIBOT_ADMIN_PASSWORD}. Without a configured password it generates
 * one, prints it once to the log, and the admin must change it at first sign-in: no default
 * password ever works.
 */
@ApplicationScoped
public class InitialAdmin {

  private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserService users;
  private final String username;
  private final Optional<String> password;

  @Inject
  public InitialAdmin(
      UserService users,
      @ConfigProperty(name = "multibot.admin.user", defaultValue = "admin") String username,
      @ConfigProperty(name = "multibot.admin.password") Optional<String> password) {
    this.users = users;
    this.username = username;
    this.password = password;
  }

  /** For CDI's proxy only. */
  protected InitialAdmin() {
    this(null, null, Optional.empty());
  }

  void onSchemaReady(@Observes SchemaReady event) {
    if (users.anyUser()) {
      return;
    }
    if (!UserService.USERNAME.matcher(username).matches()) {
      LOG.severe("MULTIBOT_ADMIN_USER is not a valid username; no initial admin was created.");
      return;
    }
    if (password.isPresent() && PasswordHasher.weakness(password.get(), username) == null) {
      users.createInitial(username, password.get(), Role.ADMIN, false);
      LOG.info("Created the initial admin '" + username + "' with MULTIBOT_ADMIN_PASSWORD.");
      return;
    }
    if (password.isPresent()) {
      LOG.warning(
          "MULTIBOT_ADMIN_PASSWORD is too weak (12 characters at least); generating one instead.");
    }
    String generated = generate();
    users.createInitial(username, generated, Role.ADMIN, true);
    LOG.warning(
        "Created the initial admin '"
            + username
            + "' with the one-time password "
            + generated
            + " - it must be changed at first sign-in. This is the only time it is shown.");
  }

  private static String generate() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
