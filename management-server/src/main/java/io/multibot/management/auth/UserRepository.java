package io.multibot.management.auth;

import java.util.List;
import java.util.Optional;

/** Where users and their refresh tokens are kept. */
public interface UserRepository {

  Optional<User> findByUsername(String username);

  List<User> list(int offset, int limit);

  long count();

  long countEnabledAdmins();

  void add(User user);

  void remove(User user);

  void flush();

  Optional<RefreshToken> findRefreshToken(String tokenHash);

  void addRefreshToken(RefreshToken token);

  /** Revokes every refresh token of the user, for example after a password change. */
  void revokeRefreshTokens(User user);
}
