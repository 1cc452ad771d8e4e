package io.multibot.management.notify;

import io.multibot.common.problem.ApiException;
import io.multibot.management.platform.api.ResourceNames;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a channel request and turns it into settings; every refusal names the field. */
final class ChannelRules {

  private static final Pattern ADDRESS =
      Pattern.compile("[^\\s@<>\",;:]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
  private static final List<String> SECURITY = List.of("starttls", "tls", "none");
  private static final int MAX_RECIPIENTS = 20;

  private ChannelRules() {}

  static String name(String name) {
    if (!ResourceNames.valid(name)) {
      throw invalid("name", ResourceNames.RULE);
    }
    return name;
  }

  static ChannelType type(String type) {
    return ChannelType.parse(type)
        .orElseThrow(
            () ->
                invalid("type", "must be one of webhook, slack, discord, teams, telegram, email"));
  }

  static int rate(Integer rate) {
    if (rate == null) {
      return 20;
    }
    if (rate < 1 || rate > 600) {
      throw invalid("ratePerMinute", "must be 1 to 600");
    }
    return rate;
  }

  static ChannelSettings settings(ChannelType type, ChannelRequest request) {
    return switch (type) {
      case TELEGRAM ->
          new ChannelSettings(
              chat(request.chatId()),
              request.apiUrl() == null
                  ? ChannelSettings.TELEGRAM_API
                  : url("apiUrl", request.apiUrl()),
              null,
              null,
              null,
              null,
              null,
              List.of());
      case EMAIL -> mail(request);
      default -> new ChannelSettings(null, null, null, null, null, null, null, List.of());
    };
  }

  /** The secrets a channel ends up with must hold what its type needs, each well-formed. */
  static void secrets(ChannelType type, ChannelSecrets secrets) {
    for (String name : type.requiredSecrets()) {
      if (secrets.get(name) == null) {
        throw invalid("secrets." + name, "is required for a " + type.wire() + " channel");
      }
    }
    if (type.isWebhook()) {
      url("secrets.url", secrets.url());
    }
    if (type == ChannelType.WEBHOOK && secrets.signingSecret().length() < 16) {
      throw invalid("secrets.signingSecret", "must be at least 16 characters");
    }
    if (type == ChannelType.TELEGRAM
        && !secrets.botToken().matches("[0-9]{1,20}:[A-Za-z0-9_-]{10,100}")) {
      throw invalid("secrets.botToken", "is not a Telegram bot token (digits:letters)");
    }
    secrets
        .values()
        .filter(v -> v.length() > 2000)
        .findAny()
        .ifPresent(
            v -> {
              throw invalid("secrets", "a value is longer than 2000 characters");
            });
  }

  private static ChannelSettings mail(ChannelRequest request) {
    String host = request.smtpHost();
    if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
      throw invalid("smtpHost", "must be a host name or address");
    }
    int port = request.smtpPort() == null ? 587 : request.smtpPort();
    if (port < 1 || port > 65_535) {
      throw invalid("smtpPort", "must be 1 to 65535");
    }
    String security =
        request.smtpSecurity() == null
            ? "starttls"
            : request.smtpSecurity().toLowerCase(Locale.ROOT);
    if (!SECURITY.contains(security)) {
      throw invalid("smtpSecurity", "must be starttls, tls or none");
    }
    return new ChannelSettings(
        null,
        null,
        host,
        port,
        security,
        user(request.smtpUsername()),
        sender(request.from()),
        recipients(request.to()));
  }

  private static String user(String user) {
    if (user != null && (user.isBlank() || user.length() > 200)) {
      throw invalid("smtpUsername", "must be 1 to 200 characters when given");
    }
    return user;
  }

  private static String sender(String from) {
    address("from", from);
    return from;
  }

  private static List<String> recipients(List<String> to) {
    if (to == null || to.isEmpty() || to.size() > MAX_RECIPIENTS) {
      throw invalid("to", "must name 1 to " + MAX_RECIPIENTS + " recipients");
    }
    to.forEach(a -> address("to", a));
    return to;
  }

  private static void address(String field, String address) {
    if (address == null || !ADDRESS.matcher(address).matches()) {
      throw invalid(field, "must be an e-mail address (name@example.com)");
    }
  }

  private static String chat(String chatId) {
    if (chatId == null || !chatId.matches("-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32}")) {
      throw invalid("chatId", "must be a chat id (digits, '-' first for groups) or @channelname");
    }
    return chatId;
  }

  static String url(String field, String value) {
    URI uri;
    try {
      uri = value == null || value.length() > 2000 ? null : new URI(value);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getUserInfo() != null) {
      throw invalid(field, "must be an http or https URL with a host and no user part");
    }
    return value;
  }

  /** What the API shows of where a channel sends: never the token in a URL's path or query. */
  static String target(ChannelType type, ChannelSettings settings, ChannelSecrets secrets) {
    return switch (type) {
      case TELEGRAM -> "telegram chat " + settings.chatId();
      case EMAIL -> String.join(", ", settings.to()) + " via " + settings.smtpHost();
      default -> {
        if (secrets.url() == null) {
          yield null;
        }
        URI uri = URI.create(secrets.url());
        yield uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + "/…";
      }
    };
  }

  private static ApiException invalid(String field, String message) {
    return NotificationProblems.invalid("channel", field, message);
  }
}
