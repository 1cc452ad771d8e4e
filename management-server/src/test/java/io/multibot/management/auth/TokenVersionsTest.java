package io.multibot.management.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenVersionsTest {

  private final Map<String, User> stored = new HashMap<>();
  private int lookups;

  private final UserRepository users =
      (UserRepository)
          Proxy.newProxyInstance(
              UserRepository.class.getClassLoader(),
              new Class<?>[] {UserRepository.class},
              (proxy, method, args) -> {
                if (!"findByUsername".equals(method.getName())) {
                  throw new UnsupportedOperationException(method.getName());
                }
                lookups++;
                return Optional.ofNullable(stored.get((String) args[0]));
              });

  private User user(String name) {
    User user = new User(name, "hash", Role.OPERATOR, false, Instant.EPOCH);
    stored.put(name, user);
    return user;
  }

  @Test
  void aTokenOfTheCurrentVersionIsGoodAndAnOlderOneIsNot() {
    TokenVersions versions = new TokenVersions(users, Duration.ZERO);
    User user = user("ops");

    assertThat(versions.isCurrent("ops", 0)).isTrue();
    user.update(Role.VIEWER, true, Instant.EPOCH);
    assertThat(versions.isCurrent("ops", 0)).isFalse();
    assertThat(versions.isCurrent("ops", 1)).isTrue();
  }

  @Test
  void disabledAndDeletedUsersHaveNoGoodToken() {
    TokenVersions versions = new TokenVersions(users, Duration.ZERO);
    User user = user("ops");
    user.update(Role.OPERATOR, false, Instant.EPOCH);

    assertThat(versions.isCurrent("ops", user.getTokenVersion())).isFalse();
    assertThat(versions.isCurrent("ghost", 0)).isFalse();
  }

  @Test
  void passwordChangesAndResetsRevokeButAnUnchangedUpdateDoesNot() {
    User user = user("ops");
    user.update(Role.OPERATOR, true, Instant.EPOCH);
    assertThat(user.getTokenVersion()).isZero();
    user.changePassword("new", Instant.EPOCH);
    user.resetPassword("newer", Instant.EPOCH);
    assertThat(user.getTokenVersion()).isEqualTo(2);
  }

  @Test
  void looksAUserUpOncePerIntervalUnlessToldToForget() {
    TokenVersions versions = new TokenVersions(users, Duration.ofHours(1));
    User user = user("ops");

    versions.isCurrent("ops", 0);
    user.revokeTokens();
    assertThat(versions.isCurrent("ops", 0)).as("cached within the interval").isTrue();
    assertThat(lookups).isEqualTo(1);

    versions.forget("ops");
    assertThat(versions.isCurrent("ops", 0)).isFalse();
    assertThat(lookups).isEqualTo(2);
  }
}
