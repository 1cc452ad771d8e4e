package io.multibot.management.notify;

/** A channel with its secrets decrypted, for a sender; lives only in memory while sending. */
record ChannelConfig(
    String name,
    ChannelType type,
    boolean enabled,
    int ratePerMinute,
    ChannelSettings settings,
    ChannelSecrets secrets) {

  /** {@code text} with every secret value of this channel replaced, for what gets recorded. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String[] result = {text};
    secrets.values().forEach(v -> result[0] = result[0].replace(v, "***"));
    return result[0];
  }

  @Override
  public String toString() {
    return "ChannelConfig[" + name + ", " + type.wire() + "]";
  }
}
