package io.multibot.delivery;

import static io.multibot.delivery.Yamls.map;
import static io.multibot.delivery.Yamls.maps;
import static io.multibot.delivery.Yamls.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What every set of Multibot manifests must satisfy (the rendered chart and deployment/k8s/ alike).
 * Each rule returns its violations as readable lines, so a test shows all of them at once and can
 * check that a broken manifest is caught.
 */
final class ManifestRules {

  private static final List<String> PROBES =
      List.of("startupProbe", "livenessProbe", "readinessProbe");

  private final List<Map<String, Object>> documents;
  private final Function<String, Set<String>> environmentOf;
  private final List<String> violations = new ArrayList<>();

  private ManifestRules(
      List<Map<String, Object>> documents, Function<String, Set<String>> environmentOf) {
    this.documents = documents;
    this.environmentOf = environmentOf;
  }

  /**
   * All violations of the manifests; {@code environmentOf} gives a container's readable variables.
   */
  static List<String> check(
      List<Map<String, Object>> documents, Function<String, Set<String>> environmentOf) {
    ManifestRules rules = new ManifestRules(documents, environmentOf);
    for (Map<String, Object> workload : rules.kind("Deployment", "StatefulSet")) {
      rules.checkWorkload(workload);
    }
    rules.kind("Service").forEach(rules::checkService);
    rules.kind("Ingress").forEach(rules::checkIngress);
    rules.kind("HorizontalPodAutoscaler").forEach(rules::checkAutoscaler);
    rules.kind("PodDisruptionBudget").forEach(rules::checkDisruptionBudget);
    return rules.violations;
  }

  static List<Map<String, Object>> containers(Map<String, Object> workload) {
    return maps(workload, "spec", "template", "spec", "containers");
  }

  List<Map<String, Object>> kind(String... kinds) {
    return documents.stream().filter(d -> List.of(kinds).contains(string(d, "kind"))).toList();
  }

  private void checkWorkload(Map<String, Object> workload) {
    String name = name(workload);
    Map<String, Object> labels = map(workload, "spec", "template", "metadata", "labels");
    if (!labels
        .entrySet()
        .containsAll(map(workload, "spec", "selector", "matchLabels").entrySet())) {
      violations.add(name + ": selector does not match the pod labels");
    }
    Map<String, Object> podSecurity = map(workload, "spec", "template", "spec", "securityContext");
    for (Map<String, Object> container : containers(workload)) {
      String where = name + "/" + string(container, "name");
      for (String probe : PROBES) {
        if (!container.containsKey(probe)) {
          violations.add(where + ": no " + probe);
        }
      }
      checkResources(where, map(container, "resources"));
      checkSecurity(where, podSecurity, map(container, "securityContext"));
      checkEnvironment(where, string(container, "name"), container);
    }
  }

  private void checkResources(String where, Map<String, Object> resources) {
    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (string(resources, bound, resource) == null) {
          violations.add(where + ": no " + bound + "." + resource);
        }
      }
    }
  }

  private void checkSecurity(String where, Map<String, Object> pod, Map<String, Object> container) {
    boolean nonRoot =
        "true".equals(string(container, "runAsNonRoot"))
            || "true".equals(string(pod, "runAsNonRoot"));
    String user =
        string(container, "runAsUser") == null
            ? string(pod, "runAsUser")
            : string(container, "runAsUser");
    if (!nonRoot || user == null || "0".equals(user)) {
      violations.add(where + ": does not run as a non-root user");
    }
    if (!"false".equals(string(container, "allowPrivilegeEscalation"))) {
      violations.add(where + ": allows privilege escalation");
    }
    if (!"true".equals(string(container, "readOnlyRootFilesystem"))) {
      violations.add(where + ": root file system is writable");
    }
  }

  private void checkEnvironment(String where, String containerName, Map<String, Object> container) {
    Set<String> readable = environmentOf.apply(containerName);
    if (readable == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    maps(container, "env").forEach(variable -> names.add(string(variable, "name")));
    for (Map<String, Object> source : maps(container, "envFrom")) {
      String configMap = string(source, "configMapRef", "name");
      Map<String, Object> found = named("ConfigMap", configMap);
      if (found == null) {
        violations.add(where + ": envFrom names a missing ConfigMap " + configMap);
      } else {
        names.addAll(map(found, "data").keySet());
      }
    }
    names.stream()
        .filter(variable -> !readable.contains(variable))
        .forEach(
            variable ->
                violations.add(where + ": " + variable + " is read by no configuration key"));
  }

  private void checkService(Map<String, Object> service) {
    Map<String, Object> selector = map(service, "spec", "selector");
    List<Map<String, Object>> selected =
        kind("Deployment", "StatefulSet").stream()
            .filter(
                w ->
                    map(w, "spec", "template", "metadata", "labels")
                        .entrySet()
                        .containsAll(selector.entrySet()))
            .toList();
    if (selector.isEmpty() || selected.isEmpty()) {
      violations.add(name(service) + ": selects no workload");
      return;
    }
    for (Map<String, Object> port : maps(service, "spec", "ports")) {
      String target = string(port, "targetPort");
      boolean served =
          selected.stream()
              .flatMap(w -> containers(w).stream())
              .flatMap(c -> maps(c, "ports").stream())
              .anyMatch(
                  p ->
                      target.equals(string(p, "name"))
                          || target.equals(string(p, "containerPort")));
      if (!served) {
        violations.add(name(service) + ": targetPort " + target + " is no container port");
      }
    }
  }

  private void checkIngress(Map<String, Object> ingress) {
    for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
      for (Map<String, Object> path : maps(rule, "http", "paths")) {
        String service = string(path, "backend", "service", "name");
        String port = string(path, "backend", "service", "port", "name");
        Map<String, Object> target = named("Service", service);
        if (target == null
            || maps(target, "spec", "ports").stream()
                .noneMatch(p -> port.equals(string(p, "name")))) {
          violations.add(name(ingress) + ": backend " + service + ":" + port + " does not exist");
        }
      }
    }
  }

  private void checkAutoscaler(Map<String, Object> autoscaler) {
    String target = string(autoscaler, "spec", "scaleTargetRef", "name");
    if (named(string(autoscaler, "spec", "scaleTargetRef", "kind"), target) == null) {
      violations.add(name(autoscaler) + ": scales a missing " + target);
    }
  }

  private void checkDisruptionBudget(Map<String, Object> budget) {
    Map<String, Object> selector = map(budget, "spec", "selector", "matchLabels");
    boolean matches =
        kind("Deployment", "StatefulSet").stream()
            .anyMatch(
                w ->
                    map(w, "spec", "template", "metadata", "labels")
                        .entrySet()
                        .containsAll(selector.entrySet()));
    if (selector.isEmpty() || !matches) {
      violations.add(name(budget) + ": protects no workload");
    }
  }

  private Map<String, Object> named(String kind, String name) {
    return kind(kind).stream()
        .filter(d -> name != null && name.equals(name(d)))
        .findFirst()
        .orElse(null);
  }

  static String name(Map<String, Object> document) {
    return string(document, "metadata", "name");
  }
}
