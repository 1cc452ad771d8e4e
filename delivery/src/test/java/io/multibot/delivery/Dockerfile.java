package io.multibot.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Dockerfile as instructions (continuation lines joined, comments dropped), grouped by stage. */
final class Dockerfile {

  /** One instruction: its keyword in upper case and the rest of the line. */
  record Instruction(String keyword, String arguments) {}

  /** One build stage: its base image (global ARGs resolved), its name and its instructions. */
  record Stage(String base, String name, List<Instruction> instructions) {}

  private final List<Stage> stages = new ArrayList<>();

  private Dockerfile() {}

  static Dockerfile parse(String text) {
    Dockerfile file = new Dockerfile();
    Map<String, String> globalArgs = new HashMap<>();
    List<Instruction> current = null;
    for (String line : text.replace("\\\n", " ").split("\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      Instruction instruction =
          new Instruction(
              parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].trim() : "");
      if ("FROM".equals(instruction.keyword())) {
        current = new ArrayList<>();
        file.stages.add(from(instruction.arguments(), globalArgs, current));
      } else if (current == null && "ARG".equals(instruction.keyword())) {
        String[] arg = instruction.arguments().split("=", 2);
        globalArgs.put(arg[0], arg.length > 1 ? arg[1] : "");
      } else if (current != null) {
        current.add(instruction);
      }
    }
    return file;
  }

  private static Stage from(String arguments, Map<String, String> args, List<Instruction> body) {
    String[] words = arguments.split("\\s+");
    String base = words[0];
    for (Map.Entry<String, String> arg : args.entrySet()) {
      base = base.replace("${" + arg.getKey() + "}", arg.getValue());
    }
    String name = words.length == 3 && "AS".equalsIgnoreCase(words[1]) ? words[2] : null;
    return new Stage(base, name, body);
  }

  List<Stage> stages() {
    return stages;
  }

  Stage stage(String name) {
    return stages.stream().filter(s -> name.equals(s.name())).findFirst().orElseThrow();
  }

  boolean isStage(String name) {
    return stages.stream().anyMatch(s -> name.equals(s.name()));
  }
}
