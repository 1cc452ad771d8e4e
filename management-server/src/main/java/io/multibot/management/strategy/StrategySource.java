package io.multibot.management.strategy;

import io.multibot.common.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A strategy's Python source, checked: not empty, within the size limit, no NUL characters, and
 * defining a class with the strategy's name, as freqtrade requires to load it.
 */
public record StrategySource(String text, String sha256, int sizeBytes) {

  /** A Python identifier, as freqtrade strategy names are class names. */
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  /** Checks name and source; returns the problems, empty when both are fine. */
  static List<FieldError> problems(String name, String text, int maxBytes) {
    List<FieldError> errors = new ArrayList<>();
    if (name != null && !NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name",
              "must be a Python class name: a letter or _, then letters, digits or _ (100 at most)"));
    }
    if (text == null || text.isBlank()) {
      errors.add(new FieldError("source", "is required"));
      return errors;
    }
    int size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > maxBytes) {
      errors.add(new FieldError("source", "is " + size + " bytes; the limit is " + maxBytes));
    }
    if (text.indexOf('\0') >= 0) {
      errors.add(new FieldError("source", "must not contain NUL characters"));
    }
    if (name != null && errors.isEmpty() && !definesClass(text, name)) {
      errors.add(
          new FieldError("source", "must define the strategy class: class " + name + "(...):"));
    }
    return errors;
  }

  private static boolean definesClass(String text, String name) {
    return Pattern.compile("^class\\s+" + Pattern.quote(name) + "\\s*[(:]", Pattern.MULTILINE)
        .matcher(text)
        .find();
  }

  /** A source already checked by {@link #problems}. */
  static StrategySource of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new StrategySource(text, sha256(bytes), bytes.length);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
