package io.multibot.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The pieces of a {@code scheme://[user[:password]@]host[:port][/path]} URL, split with {@link URI}
 * and percent-decoded, so that both URL settings share one careful parser.
 */
record UrlParts(String scheme, String user, String password, String host, int port, String path) {

  static UrlParts split(String variable, String value, String expected) {
    URI uri = checkedUri(variable, value, expected);
    String userInfo = uri.getRawUserInfo();
    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = emptyToNull(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return new UrlParts(scheme, user, password, uri.getHost(), uri.getPort(), path);
  }

  private static URI checkedUri(String variable, String value, String expected) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new InvalidSettingException(variable, "it is not a valid URL", expected);
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      throw new InvalidSettingException(variable, "it has no scheme://host part", expected);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidSettingException(
          variable, "the host or port is missing or invalid", expected);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidSettingException(
          variable, "query and fragment parts are not supported", expected);
    }
    return uri;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The authority for display: user kept, password replaced by {@code ***}. */
  String redactedAuthority(int effectivePort) {
    StringBuilder text = new StringBuilder();
    if (user != null || password != null) {
      text.append(user == null ? "" : user);
      if (password != null) {
        text.append(":***");
      }
      text.append('@');
    }
    return text.append(host).append(':').append(effectivePort).toString();
  }
}
