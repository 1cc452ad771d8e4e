package io.multibot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.delivery.Dockerfile.Instruction;
import io.multibot.delivery.Dockerfile.Stage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What can be checked of the images without a Docker engine: pinned bases, a non-root user, Open
 * Liberty's layer order, OCI labels, and that every file the Dockerfiles copy exists after the
 * build.
 */
class DockerfileTest {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern PORT =
      Pattern.compile("<variable name=\"[a-z]+\\.http\\.port\" defaultValue=\"(\\d+)\"");

  /** Stages that build; every other stage is an image people run. */
  private static final java.util.Set<String> BUILD_STAGES = java.util.Set.of("console", "build");

  private static boolean builds(Stage stage) {
    return stage.name() != null && BUILD_STAGES.contains(stage.name());
  }

  /** The first stage people run: the Liberty image the others build on. */
  private static Stage runtime(Dockerfile file) {
    return file.stages().stream().filter(stage -> !builds(stage)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"management-server", "trading-gateway"})
  void baseImagesArePinnedReleases(String service) {
    Dockerfile file = dockerfile(service);

    for (Stage stage : file.stages()) {
      if (!file.isStage(stage.base())) {
        assertThat(stage.base())
            .as("FROM of %s", service)
            .matches("[\\w./-]+:\\d+\\.\\d+[\\w.-]*(@sha256:[0-9a-f]{64})?")
            .doesNotContain(":latest");
      }
    }
    assertThat(runtime(file).base()).contains("open-liberty:26.0.0.3-kernel-slim");
  }

  @ParameterizedTest
  @ValueSource(strings = {"management-server", "trading-gateway"})
  void everyRuntimeRunsAsUser1001(String service) {
    Dockerfile file = dockerfile(service);

    for (Stage stage : file.stages()) {
      if (builds(stage)) {
        continue;
      }
      assertThat(user(file, stage))
          .as("user of %s stage %s", service, stage.name())
          .isEqualTo("1001");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"management-server", "trading-gateway"})
  void libertyLayersComeInOrderWithLabels(String service) {
    Stage runtime = runtime(dockerfile(service));
    List<String> lines =
        runtime.instructions().stream().map(i -> i.keyword() + " " + i.arguments()).toList();

    int config = indexOf(lines, l -> l.startsWith("COPY") && l.contains(" /config/"));
    int features = indexOf(lines, l -> l.equals("RUN features.sh"));
    int application = indexOf(lines, l -> l.startsWith("COPY") && l.contains(".war /config/apps/"));
    int configure = indexOf(lines, l -> l.equals("RUN configure.sh"));
    assertThat(List.of(config, features, application, configure)).doesNotContain(-1).isSorted();
    String labels = String.join("\n", lines.stream().filter(l -> l.startsWith("LABEL")).toList());
    assertThat(labels)
        .contains(
            "org.opencontainers.image.version=\"${VERSION}\"",
            "org.opencontainers.image.revision=\"${REVISION}\"");
    Matcher port = PORT.matcher(Repo.read(service + "/src/main/liberty/config/server.xml"));
    assertThat(port.find()).isTrue();
    assertThat(lines).contains("EXPOSE " + port.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"management-server", "trading-gateway"})
  void everyCopiedFileExistsAfterTheBuild(String service) {
    Dockerfile file = dockerfile(service);
    List<String> sources = new ArrayList<>();
    for (Stage stage : file.stages()) {
      for (Instruction copy : stage.instructions()) {
        if ("COPY".equals(copy.keyword())) {
          sources.addAll(sources(copy.arguments()));
        }
      }
    }

    assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(Repo.path(source)).exists());
    assertThat(sources).noneMatch(DockerfileTest::ignoredByDockerignore);
    List<String> reactor = new ArrayList<>(List.of("mvnw", ".mvn", "pom.xml", "config"));
    Matcher modules = MODULE.matcher(Repo.read("pom.xml"));
    while (modules.find()) {
      reactor.add(modules.group(1) + "/pom.xml");
      reactor.add(modules.group(1) + "/src");
    }
    assertThat(reactor)
        .as("what the build stage's Maven reactor reads")
        .noneMatch(DockerfileTest::ignoredByDockerignore);
    assertThat(file.stage("build").instructions()).anyMatch(i -> i.arguments().contains("./mvnw"));
  }

  /**
   * Repository paths a COPY reads: from the context, or from the build stage's /build (what the
   * console stage makes is not in the repository).
   */
  private static List<String> sources(String arguments) {
    List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
    boolean fromBuild = words.stream().anyMatch(w -> w.equals("--from=build"));
    if (words.stream().anyMatch(w -> w.startsWith("--from=") && !w.equals("--from=build"))) {
      return List.of();
    }
    words.removeIf(w -> w.startsWith("--"));
    List<String> paths = new ArrayList<>();
    for (String word : words.subList(0, words.size() - 1)) {
      if (!fromBuild) {
        paths.add(word.replaceAll("/$", ""));
      } else if (word.startsWith("/build/")) {
        paths.add(word.substring("/build/".length()).replaceAll("/$", ""));
      }
    }
    return paths;
  }

  private static boolean ignoredByDockerignore(String source) {
    List<String> ignored =
        Repo.read(".dockerignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    return ignored.stream()
        .map(pattern -> pattern.replace("**/", "").replaceAll("/$", ""))
        .anyMatch(pattern -> source.equals(pattern) || source.startsWith(pattern + "/"));
  }

  private static String user(Dockerfile file, Stage stage) {
    for (int i = stage.instructions().size() - 1; i >= 0; i--) {
      if ("USER".equals(stage.instructions().get(i).keyword())) {
        return stage.instructions().get(i).arguments();
      }
    }
    return file.isStage(stage.base()) ? user(file, file.stage(stage.base())) : "image default";
  }

  private static int indexOf(List<String> lines, Predicate<String> test) {
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Dockerfile dockerfile(String service) {
    assertThat(Files.isRegularFile(Repo.path(service + "/Dockerfile"))).isTrue();
    return Dockerfile.parse(Repo.read(service + "/Dockerfile"));
  }
}
