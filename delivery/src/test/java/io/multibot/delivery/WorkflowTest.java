package io.multibot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .github/workflows/ci-cd.yml: valid for GitHub Actions, and doing what the pipeline promises. */
class WorkflowTest {

  private static final String WORKFLOW = ".github/workflows/ci-cd.yml";

  @Test
  void everyWorkflowIsValidAgainstTheActionsSchema() throws Exception {
    assertThat(validate()).as("scripts/validate-workflows.sh").isZero();
  }

  @Test
  void theValidatorRejectsABrokenWorkflow(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.yml");
    String text =
        Repo.read(WORKFLOW).replace("    runs-on: ubuntu-24.04", "    runs_on: ubuntu-24.04");
    Files.writeString(broken, text, StandardCharsets.UTF_8);

    assertThat(validate(broken.toString())).isNotZero();
  }

  @Test
  void theWorkflowFollowsEveryRule() {
    assertThat(WorkflowRules.check(Yamls.document(Repo.read(WORKFLOW)))).isEmpty();
  }

  @Test
  void aFloatingActionTagIsCaught() {
    String text =
        Repo.read(WORKFLOW).replaceFirst("actions/checkout@[0-9a-f]{40}", "actions/checkout@v4");

    assertThat(WorkflowRules.check(Yamls.document(text)))
        .anyMatch(v -> v.contains("actions/checkout@v4 pinned"));
  }

  @Test
  void anUnguardedPushIsCaught() {
    String text =
        Repo.read(WORKFLOW)
            .replace(
                "      - name: Push both tags (main and develop only)\n        if: env.PUBLISH == 'true'\n",
                "      - name: Push both tags (main and develop only)\n");

    assertThat(WorkflowRules.check(Yamls.document(text)))
        .contains("docker-build: 'Push both tags (main and develop only)' only on main/develop");
  }

  @Test
  void aMissingStageIsCaught() {
    String text = Repo.read(WORKFLOW).replace("  performance-tests:\n", "  load-tests:\n");

    assertThat(WorkflowRules.check(Yamls.document(text)))
        .contains("job performance-tests", "docker-build needs a missing job performance-tests");
  }

  private static int validate(String... files) throws IOException, InterruptedException {
    String[] command = new String[files.length + 1];
    command[0] = Repo.path("scripts/validate-workflows.sh").toString();
    System.arraycopy(files, 0, command, 1, files.length);
    // Not inheritIO(): the validator runs on Node, which makes an inherited stdin non-blocking, and
    // the forked test JVM's stdin is surefire's command channel ("std/in stream corrupted", the
    // build fails); its output goes to a file beside the reports instead of surefire's stdout.
    Path log = Files.createDirectories(Path.of("target")).resolve("validate-workflows.log");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/validate-workflows.sh did not finish");
    }
    return process.exitValue();
  }
}
