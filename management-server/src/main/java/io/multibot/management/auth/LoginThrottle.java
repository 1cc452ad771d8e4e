package io.multibot.management.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failed logins within a window, for a username or
 * from a client address, further attempts are refused until the window has moved on. The counts
 * live in this server's memory, so each replica throttles on its own.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final Duration window;
  private final int perUser;
  private final int perAddress;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  @Inject
  public LoginThrottle(
      Clock clock,
      @ConfigProperty(name = "auth.throttle.window", defaultValue = "PT15M") Duration window,
      @ConfigProperty(name = "auth.throttle.per-user", defaultValue = "5") int perUser,
      @ConfigProperty(name = "auth.throttle.per-address", defaultValue = "20") int perAddress) {
    this.clock = clock;
    this.window = window;
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  /** For CDI's proxy only. */
  protected LoginThrottle() {
    this(null, null, 0, 0);
  }

  /** How long the caller must wait before trying again, if they must. */
  public Optional<Duration> retryAfter(String username, String address) {
    Optional<Duration> user = wait("user:" + username, perUser);
    Optional<Duration> client = wait("address:" + address, perAddress);
    if (user.isPresent() && client.isPresent()) {
      return Optional.of(user.get().compareTo(client.get()) > 0 ? user.get() : client.get());
    }
    return user.isPresent() ? user : client;
  }

  public void failed(String username, String address) {
    record("user:" + username);
    record("address:" + address);
  }

  public void succeeded(String username) {
    failures.remove("user:" + username);
  }

  private Optional<Duration> wait(String key, int limit) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      prune(times);
      if (times.size() < limit) {
        return Optional.empty();
      }
      Duration wait = Duration.between(clock.instant(), times.peekFirst().plus(window));
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  private void record(String key) {
    if (failures.size() >= MAX_TRACKED) {
      sweep();
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times);
      times.addLast(clock.instant());
    }
  }

  /** Forgets keys whose failures all left the window, so many distinct names cannot fill memory. */
  private void sweep() {
    failures
        .entrySet()
        .removeIf(
            entry -> {
              synchronized (entry.getValue()) {
                prune(entry.getValue());
                return entry.getValue().isEmpty();
              }
            });
  }

  /** How many users and addresses are tracked before stale ones are swept. */
  int tracked() {
    return failures.size();
  }

  private void prune(Deque<Instant> times) {
    Instant oldest = clock.instant().minus(window);
    while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
      times.removeFirst();
    }
  }
}
