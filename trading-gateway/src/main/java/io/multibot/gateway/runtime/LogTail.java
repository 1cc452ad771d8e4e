package io.multibot.gateway.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, reading only its end. */
final class LogTail {

  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /** A bot's last log lines: its log file, then console lines the file does not have. */
  static List<String> of(BotWorkspace.Launch launch, int lines) {
    java.util.LinkedHashSet<String> all =
        new java.util.LinkedHashSet<>(last(launch.logFile(), lines));
    all.addAll(last(launch.consoleFile(), lines));
    List<String> ordered = List.copyOf(all);
    return ordered.subList(Math.max(0, ordered.size() - lines), ordered.size());
  }

  static List<String> last(Path file, int lines) {
    if (lines <= 0 || !Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      if (size < length && !all.isEmpty()) {
        all = all.subList(1, all.size()); // the first line read may be cut
      }
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return List.of("(the log file cannot be read: " + e.getMessage() + ")");
    }
  }
}
