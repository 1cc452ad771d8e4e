package io.multibot.management.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.management.platform.ManagementApplication;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit interceptor summarises the parameter marked {@link Audited.Body}: every audited
 * resource method must mark its body (a parameter with no annotation at all would be a body the
 * audit log silently leaves out), and at most one.
 */
class AuditedMethodsTest {

  @Test
  void everyAuditedMethodMarksItsRequestBodyAndOnlyThat() throws Exception {
    List<Method> audited = auditedMethods();

    assertThat(audited).as("audited resource methods found").hasSizeGreaterThan(15);
    List<String> problems = new ArrayList<>();
    for (Method method : audited) {
      long bodies =
          Arrays.stream(method.getParameters())
              .filter(p -> p.isAnnotationPresent(Audited.Body.class))
              .count();
      List<String> unmarked =
          Arrays.stream(method.getParameters())
              .filter(p -> p.getAnnotations().length == 0)
              .map(Parameter::toString)
              .toList();
      if (bodies > 1 || !unmarked.isEmpty()) {
        problems.add(method + ": " + bodies + " bodies, unmarked " + unmarked);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theMethodsThatTakeABodyAreSummarised() throws Exception {
    List<String> withBody =
        auditedMethods().stream()
            .filter(
                m ->
                    Arrays.stream(m.getParameters())
                        .anyMatch(p -> p.isAnnotationPresent(Audited.Body.class)))
            .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
            .toList();

    assertThat(withBody)
        .contains(
            "AuthResource.login",
            "BotResource.create",
            "BotResource.update",
            "BotCommandResource.send",
            "CommandResource.bulk");
  }

  private static List<Method> auditedMethods() throws IOException, URISyntaxException {
    var root =
        java.nio.file.Path.of(
            ManagementApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    List<Method> found = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file :
          files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
        String name = root.relativize(file).toString().replace(".class", "").replace('/', '.');
        Class<?> type = load(name);
        if (type != null && type.isAnnotationPresent(Path.class)) {
          for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Audited.class)) {
              found.add(method);
            }
          }
        }
      }
    }
    return found;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, AuditedMethodsTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
