package io.multibot.delivery;

import static io.multibot.delivery.Yamls.map;
import static io.multibot.delivery.Yamls.maps;
import static io.multibot.delivery.Yamls.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What .github/workflows/ci-cd.yml must do (issue: the seed's seven stages, Docker Hub pushes only
 * from main and develop, third-party actions pinned by SHA, ...). Returns violations as lines.
 */
final class WorkflowRules {

  /** The seed's stages in pipeline order, each needing the one before (deploys come last). */
  static final List<String> STAGES =
      List.of(
          "lint-and-format",
          "unit-tests",
          "integration-tests",
          "performance-tests",
          "docker-build",
          "security-scan");

  private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
  private static final String PUBLISH_GUARD = "env.PUBLISH == 'true'";

  private final Map<String, Object> workflow;
  private final Map<String, Object> jobs;
  private final List<String> violations = new ArrayList<>();

  private WorkflowRules(Map<String, Object> workflow) {
    this.workflow = workflow;
    this.jobs = map(workflow, "jobs");
  }

  static List<String> check(Map<String, Object> workflow) {
    WorkflowRules rules = new WorkflowRules(workflow);
    rules.checkTriggers();
    rules.checkStages();
    rules.checkJobs();
    rules.checkPublishing();
    rules.checkSecurity();
    rules.checkDeploys();
    return rules.violations;
  }

  private void checkTriggers() {
    expect("Freqtrade Multi-Bot CI/CD".equals(string(workflow, "name")), "workflow name");
    Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
    for (String event : List.of("push", "pull_request")) {
      Object branches = Yamls.at(on, event, "branches");
      expect(List.of("main", "develop").equals(branches), event + " on main and develop");
    }
    expect(
        "read".equals(string(workflow, "permissions", "contents")),
        "read-only default permissions");
    expect(map(workflow, "permissions").size() == 1, "no other default permission");
    expect(workflow.containsKey("concurrency"), "concurrency");
    for (String variable : List.of("JAVA_VERSION", "REDIS_URL")) {
      expect(string(workflow, "env", variable) != null, "env " + variable);
    }
    expect(
        jobs.values().stream().anyMatch(j -> string(j, "env", "DATABASE_URL") != null),
        "env DATABASE_URL");
  }

  private void checkStages() {
    for (int i = 0; i < STAGES.size(); i++) {
      String stage = STAGES.get(i);
      expect(jobs.containsKey(stage), "job " + stage);
      if (i > 0) {
        expect(needs(stage).contains(STAGES.get(i - 1)), stage + " needs " + STAGES.get(i - 1));
      }
    }
    expect(
        serviceImages("unit-tests").stream().anyMatch(i -> i.startsWith("redis:")),
        "unit-tests has Redis");
    List<String> integration = serviceImages("integration-tests");
    expect(
        integration.stream().anyMatch(i -> i.startsWith("redis:"))
            && integration.stream().anyMatch(i -> i.startsWith("postgres:")),
        "integration-tests has Redis and PostgreSQL");
    expect(runs("unit-tests").contains("jacoco"), "unit-tests measures coverage");
    expect(
        uses("unit-tests").stream().anyMatch(u -> u.startsWith("codecov/")),
        "unit-tests uploads coverage");
    expect(jobs.containsKey("sonarqube"), "sonarqube job");
    expect(
        steps("sonarqube").stream()
            .anyMatch(s -> String.valueOf(s.get("with")).contains("sonar.qualitygate.wait=true")),
        "sonarqube waits for the quality gate");
  }

  private void checkJobs() {
    for (Map.Entry<String, Object> job : jobs.entrySet()) {
      expect(
          string(job.getValue(), "timeout-minutes") != null, job.getKey() + " has timeout-minutes");
      needs(job.getKey()).stream()
          .filter(need -> !jobs.containsKey(need))
          .forEach(need -> violations.add(job.getKey() + " needs a missing job " + need));
      for (Map<String, Object> step : maps(job.getValue(), "steps")) {
        String action = string(step, "uses");
        expect(
            action == null || action.startsWith("./") || PINNED.matcher(action).matches(),
            job.getKey() + ": " + action + " pinned by commit SHA");
      }
      for (String image : serviceImages(job.getKey())) {
        expect(
            image.matches("[\\w./-]+:\\d[\\w.-]*"),
            job.getKey() + ": service image " + image + " pinned to a release");
      }
    }
    expect(
        steps("lint-and-format").toString().contains("validate-workflows"),
        "lint-and-format validates workflows");
  }

  private void checkPublishing() {
    String publish = string(workflow, "env", "PUBLISH");
    expect(
        publish != null
            && publish.contains("github.event_name == 'push'")
            && publish.contains("refs/heads/main")
            && publish.contains("refs/heads/develop"),
        "PUBLISH means a push to main or develop");
    for (Map.Entry<String, Object> job : jobs.entrySet()) {
      for (Map<String, Object> step : maps(job.getValue(), "steps")) {
        String action = String.valueOf(string(step, "uses"));
        String run = String.valueOf(string(step, "run"));
        boolean pushes = action.startsWith("docker/login-action") || run.contains("docker push");
        boolean guarded = String.valueOf(string(step, "if")).contains(PUBLISH_GUARD);
        expect(
            !pushes || guarded,
            job.getKey() + ": '" + string(step, "name") + "' only on main/develop");
        if (action.startsWith("docker/build-push-action")) {
          expect(
              "false".equals(string(step, "with", "push")),
              job.getKey() + ": build-push-action does not push");
        }
      }
    }
    expect(
        runs("docker-build").contains(":latest")
            && steps("docker-build").toString().contains("github.sha"),
        "images tagged SHA and latest");
  }

  private void checkSecurity() {
    List<String> actions = uses("security-scan");
    expect(
        actions.stream().filter(a -> a.startsWith("aquasecurity/trivy-action")).count() >= 3,
        "Trivy on fs and both images");
    expect(
        actions.stream().anyMatch(a -> a.startsWith("github/codeql-action/upload-sarif")),
        "SARIF uploaded");
    expect(
        "write".equals(string(jobs.get("security-scan"), "permissions", "security-events")),
        "security-events: write");
    expect(
        "write".equals(string(jobs.get("security-scan"), "permissions", "id-token")),
        "id-token: write for keyless signing");
    boolean signsOnMain =
        steps("security-scan").stream()
            .anyMatch(
                s ->
                    String.valueOf(string(s, "run")).contains("cosign sign")
                        && String.valueOf(string(s, "if")).contains("refs/heads/main"));
    expect(signsOnMain, "cosign signs on main");
    Map<String, Object> notify = map(jobs, "notify");
    expect(String.valueOf(string(notify, "if")).contains("failure()"), "notify on failure");
    expect(notify.toString().contains("secrets.SLACK_WEBHOOK"), "notify uses SLACK_WEBHOOK");
  }

  private void checkDeploys() {
    checkDeploy("deploy-staging", "refs/heads/develop", "staging");
    checkDeploy("deploy-production", "refs/heads/main", "production");
  }

  private void checkDeploy(String job, String ref, String environment) {
    expect(jobs.containsKey(job), "job " + job);
    expect(String.valueOf(string(jobs.get(job), "if")).contains(ref), job + " only from " + ref);
    expect(
        environment.equals(string(jobs.get(job), "environment", "name")),
        job + " in environment " + environment);
    expect(
        needs(job).containsAll(List.of("security-scan", "sonarqube")),
        job + " after the scans and the gate");
    String helm = runs(job);
    expect(
        helm.contains("helm upgrade --install") && helm.contains("--atomic"),
        job + " rolls back a failed rollout");
    expect(
        helm.contains("values-" + environment + ".yaml"),
        job + " uses values-" + environment + ".yaml");
  }

  private List<String> needs(String job) {
    Object needs = Yamls.at(jobs.get(job), "needs");
    if (needs instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return needs == null ? List.of() : List.of(needs.toString());
  }

  private List<Map<String, Object>> steps(String job) {
    return maps(jobs.get(job), "steps");
  }

  private List<String> uses(String job) {
    return steps(job).stream().map(s -> string(s, "uses")).filter(u -> u != null).toList();
  }

  private String runs(String job) {
    StringBuilder text = new StringBuilder();
    steps(job).forEach(s -> text.append(string(s, "run")).append('\n'));
    return text.toString();
  }

  private List<String> serviceImages(String job) {
    return map(jobs.get(job), "services").values().stream().map(s -> string(s, "image")).toList();
  }

  private void expect(boolean holds, String rule) {
    if (!holds) {
      violations.add(rule);
    }
  }
}
