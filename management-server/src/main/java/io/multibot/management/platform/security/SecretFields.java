package io.multibot.management.platform.security;

import java.util.Locale;
import java.util.Set;

/**
 * Names of JSON fields that hold secrets: freqtrade's own list (exchange key, secret, password,
 * uid, private key, telegram token, api_server password, jwt_secret_key, ws_token, webhook URLs)
 * plus this API's password and token fields. Matched at any depth, case-insensitively.
 */
public final class SecretFields {

  /** freqtrade's secret keys, as they appear inside a freqtrade config. */
  public static final Set<String> FREQTRADE =
      Set.of(
          "key",
          "apikey",
          "secret",
          "password",
          "uid",
          "accountid",
          "walletaddress",
          "privatekey",
          "private_key",
          "token",
          "ws_token",
          "jwt_secret_key",
          "webhook_url",
          "webhookurl");

  /** The API's own secret-bearing fields. */
  private static final Set<String> API =
      Set.of(
          "currentpassword",
          "newpassword",
          "refresh_token",
          "access_token",
          "secrets",
          "jwtsecretkey");

  private SecretFields() {}

  public static boolean isFreqtradeSecret(String key) {
    return FREQTRADE.contains(key.toLowerCase(Locale.ROOT));
  }

  public static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return FREQTRADE.contains(lower) || API.contains(lower);
  }
}
