package io.multibot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deployment/k8s/ is the chart rendered with its default values (release and namespace "multibot"),
 * one file per template, plus a Namespace and a kustomization: they cannot drift apart, because
 * this test compares them. After changing the chart, regenerate them with {@code ./mvnw -pl
 * delivery test -Dtest=PlainManifestsTest -Dk8s.write=true} (README).
 */
class PlainManifestsTest {

  static final String HEADER =
      "# Generated from deployment/helm/freqtrade-multi-bot with its default values (release and\n"
          + "# namespace \"multibot\"). Do not edit: change the chart and regenerate (docs/deployment.md, `make k8s`).\n";
  private static final List<String> OWN_FILES = List.of("namespace.yaml", "kustomization.yaml");

  @Test
  void manifestsAreTheRenderedChart() throws IOException {
    Map<String, String> expected = Chart.byTemplate(Chart.render(null, Map.of()));
    Path dir = Repo.path("deployment/k8s");
    if (Boolean.getBoolean("k8s.write")) {
      write(dir, expected);
    }

    for (Map.Entry<String, String> file : expected.entrySet()) {
      assertThat(dir.resolve(file.getKey()))
          .as("deployment/k8s/%s differs from the chart; regenerate it", file.getKey())
          .hasContent(HEADER + file.getValue());
    }
    assertThat(files(dir)).containsExactlyInAnyOrderElementsOf(all(expected));
    assertThat(Repo.read("deployment/k8s/kustomization.yaml")).contains(resources(expected));
  }

  @Test
  void manifestsPassEveryRule() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (String file : files(Repo.path("deployment/k8s"))) {
      documents.addAll(Yamls.documents(Repo.read("deployment/k8s/" + file)));
    }

    assertThat(ManifestRules.check(documents, Chart::environmentOf)).isEmpty();
    assertThat(documents)
        .anySatisfy(
            d -> {
              assertThat(Yamls.string(d, "kind")).isEqualTo("Namespace");
              assertThat(Yamls.string(d, "metadata", "name")).isEqualTo(Chart.NAMESPACE);
            });
  }

  private static void write(Path dir, Map<String, String> rendered) throws IOException {
    try (Stream<Path> old = Files.list(dir)) {
      for (Path file : old.toList()) {
        if (!OWN_FILES.contains(file.getFileName().toString())) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> file : rendered.entrySet()) {
      Files.writeString(
          dir.resolve(file.getKey()), HEADER + file.getValue(), StandardCharsets.UTF_8);
    }
    String kustomization =
        HEADER.replace("Generated from", "Applies the manifests generated from")
            + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: "
            + Chart.NAMESPACE
            + "\n"
            + resources(rendered);
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization, StandardCharsets.UTF_8);
  }

  private static String resources(Map<String, String> rendered) {
    StringBuilder list = new StringBuilder("resources:\n  - namespace.yaml\n");
    new TreeSet<>(rendered.keySet()).forEach(file -> list.append("  - ").append(file).append('\n'));
    return list.toString();
  }

  private static List<String> all(Map<String, String> rendered) {
    List<String> names = new ArrayList<>(rendered.keySet());
    names.addAll(OWN_FILES);
    return names;
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
