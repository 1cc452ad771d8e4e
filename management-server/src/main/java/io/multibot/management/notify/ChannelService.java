package io.multibot.management.notify;

import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.persistence.ConstraintViolations;
import io.multibot.management.platform.secrets.SecretCipher;
import io.multibot.management.platform.secrets.SecretUnreadableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Administration of notification channels; their secrets are encrypted before they are stored. */
@ApplicationScoped
@Transactional
public class ChannelService {

  private final NotificationStore store;
  private final SecretCipher cipher;
  private final Clock clock;

  @Inject
  public ChannelService(NotificationStore store, SecretCipher cipher, Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected ChannelService() {
    this(null, null, null);
  }

  public Versioned<ChannelView> create(ChannelRequest request) {
    if (request == null) {
      throw NotificationProblems.invalid("channel", "name", "is required");
    }
    String name = ChannelRules.name(request.name());
    if (store.channel(name).isPresent()) {
      throw NotificationProblems.exists("channel", name);
    }
    NotificationChannel channel = new NotificationChannel(name, clock.instant());
    define(channel, request, ChannelSecrets.NONE);
    try {
      store.add(channel);
    } catch (PersistenceException e) {
      if (ConstraintViolations.isCause(e)) {
        throw NotificationProblems.exists("channel", name);
      }
      throw e;
    }
    return versioned(channel);
  }

  public Versioned<ChannelView> update(String name, ChannelRequest request, OptionalLong expected) {
    NotificationChannel channel = find(name);
    EntityTags.check(expected, channel.getRowVersion());
    if (request == null) {
      throw NotificationProblems.invalid("channel", "type", "is required");
    }
    if (request.name() != null && !request.name().equals(name)) {
      throw NotificationProblems.invalid("channel", "name", "cannot change");
    }
    define(channel, request, secrets(channel));
    store.add(channel);
    return versioned(channel);
  }

  public Versioned<ChannelView> get(String name) {
    return versioned(find(name));
  }

  public Page<ChannelView> list(PageRequest page) {
    return Page.of(
        store.channels(page.offset(), page.size()).stream().map(this::view).toList(),
        page,
        store.countChannels());
  }

  public void delete(String name, OptionalLong expected) {
    NotificationChannel channel = find(name);
    EntityTags.check(expected, channel.getRowVersion());
    List<String> users =
        store.rules(0, Integer.MAX_VALUE).stream()
            .filter(r -> r.definition().channels().contains(name))
            .map(NotificationRule::getName)
            .toList();
    if (!users.isEmpty()) {
      throw NotificationProblems.channelInUse(name, users);
    }
    store.remove(channel);
  }

  /**
   * The channel as a sender needs it, secrets decrypted; empty if it was deleted.
   *
   * @throws SecretUnreadableException when its secrets were encrypted under a key this server does
   *     not hold (the delivery then fails with that reason)
   */
  Optional<ChannelConfig> config(String name) {
    return store
        .channel(name)
        .map(
            c ->
                new ChannelConfig(
                    c.getName(),
                    c.type(),
                    c.isEnabled(),
                    c.getRatePerMinute(),
                    c.settings(),
                    secrets(c)));
  }

  boolean exists(String name) {
    return store.channel(name).isPresent();
  }

  private void define(NotificationChannel channel, ChannelRequest request, ChannelSecrets stored) {
    ChannelType type = ChannelRules.type(request.type());
    int rate = ChannelRules.rate(request.ratePerMinute());
    ChannelSettings settings = ChannelRules.settings(type, request);
    ChannelSecrets secrets = stored.merge(request.secrets());
    ChannelRules.secrets(type, secrets);
    Instant now = clock.instant();
    channel.define(
        type,
        !Boolean.FALSE.equals(request.enabled()),
        rate,
        settings,
        secrets.setNames().isEmpty() ? null : cipher.encrypt(secrets.toJson()),
        now);
  }

  private ChannelSecrets secrets(NotificationChannel channel) {
    return channel.getSecretsEnc() == null
        ? ChannelSecrets.NONE
        : ChannelSecrets.fromJson(cipher.decrypt(channel.getSecretsEnc()));
  }

  private NotificationChannel find(String name) {
    return store.channel(name).orElseThrow(() -> NotificationProblems.noChannel(name));
  }

  private Versioned<ChannelView> versioned(NotificationChannel channel) {
    return new Versioned<>(view(channel), channel.getRowVersion());
  }

  private ChannelView view(NotificationChannel c) {
    ChannelSettings s = c.settings();
    ChannelSecrets secrets;
    boolean readable = true;
    try {
      secrets = secrets(c);
    } catch (SecretUnreadableException e) {
      // encrypted under a key this server does not hold: listed, marked, never a 500
      secrets = ChannelSecrets.NONE;
      readable = false;
    }
    return new ChannelView(
        c.getName(),
        c.type().wire(),
        c.isEnabled(),
        c.getRatePerMinute(),
        ChannelRules.target(c.type(), s, secrets),
        s.chatId(),
        s.apiUrl(),
        s.smtpHost(),
        s.smtpPort(),
        s.smtpSecurity(),
        s.smtpUsername(),
        s.from(),
        s.to().isEmpty() ? null : s.to(),
        secrets.setNames(),
        readable,
        c.getCreatedAt(),
        c.getUpdatedAt());
  }
}
