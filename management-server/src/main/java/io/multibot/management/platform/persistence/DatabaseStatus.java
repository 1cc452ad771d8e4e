package io.multibot.management.platform.persistence;

/**
 * The outcome of one connection check: whether the database answered, which product it is, and
 * otherwise why not.
 */
public record DatabaseStatus(boolean reachable, String product, String error) {

  static DatabaseStatus up(String product) {
    return new DatabaseStatus(true, product, null);
  }

  static DatabaseStatus down(String product, String error) {
    return new DatabaseStatus(false, product, error);
  }
}
