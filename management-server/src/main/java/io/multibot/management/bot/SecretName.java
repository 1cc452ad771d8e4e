package io.multibot.management.bot;

/** The write-only secrets a bot can hold, by their JSON names. */
public enum SecretName {
  API_PASSWORD("apiPassword"),
  JWT_SECRET_KEY("jwtSecretKey"),
  EXCHANGE_KEY("exchangeKey"),
  EXCHANGE_SECRET("exchangeSecret"),
  EXCHANGE_PASSWORD("exchangePassword");

  private final String jsonName;

  SecretName(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
