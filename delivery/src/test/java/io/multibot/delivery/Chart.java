package io.multibot.delivery;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Helm chart, rendered by real Helm (helm-java) as `helm template` would. */
final class Chart {

  static final String RELEASE = "multibot";
  static final String NAMESPACE = "multibot";
  private static final String SOURCE = "# Source: freqtrade-multi-bot/templates/";

  private Chart() {}

  static Path directory() {
    return Repo.path("deployment/helm/freqtrade-multi-bot");
  }

  /** The rendered manifests; valuesFile null renders the defaults. */
  static String render(String valuesFile, Map<String, String> sets) {
    TemplateCommand template =
        new Helm(directory()).template().withName(RELEASE).withNamespace(NAMESPACE);
    if (valuesFile != null) {
      template = template.withValuesFile(directory().resolve(valuesFile));
    }
    for (Map.Entry<String, String> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return template.call();
  }

  static List<Map<String, Object>> documents(String valuesFile, Map<String, String> sets) {
    return Yamls.documents(render(valuesFile, sets));
  }

  /** The rendered text split by the template each part came from (file name → its documents). */
  static Map<String, String> byTemplate(String rendered) {
    Map<String, String> parts = new LinkedHashMap<>();
    String current = null;
    StringBuilder text = new StringBuilder();
    for (String line : rendered.split("\n", -1)) {
      if (line.startsWith(SOURCE)) {
        current = line.substring(SOURCE.length()).trim();
        text = new StringBuilder(parts.getOrDefault(current, ""));
        if (text.length() > 0) {
          text.append("---\n");
        }
      } else if (current != null && !"---".equals(line)) {
        text.append(line).append('\n');
        parts.put(current, text.toString());
      }
    }
    parts.replaceAll((file, body) -> body.stripTrailing() + "\n");
    return parts;
  }

  /** The variables each Multibot container may set (by container name); null for others. */
  static Set<String> environmentOf(String container) {
    return Set.of("management-server", "trading-gateway").contains(container)
        ? ConfigKeys.environmentOf(container)
        : null;
  }
}
