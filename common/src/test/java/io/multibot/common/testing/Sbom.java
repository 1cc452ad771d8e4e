package io.multibot.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a service's CycloneDX SBOM ({@code target/bom.json}, made in the package phase): it names
 * the service, lists what its WAR ships, and nothing the build only compiles or tests against.
 */
public final class Sbom {

  private Sbom() {}

  /**
   * @param service the artifact the SBOM must describe
   * @param shipped Maven {@code group/artifact} coordinates that must be listed
   */
  public static void assertDescribes(String service, String... shipped) throws IOException {
    JsonObject bom;
    try (JsonReader reader =
        Json.createReader(Files.newBufferedReader(Path.of("target/bom.json")))) {
      bom = reader.readObject();
    }
    assertThat(bom.getString("bomFormat")).isEqualTo("CycloneDX");
    assertThat(bom.getJsonObject("metadata").getJsonObject("component").getString("name"))
        .isEqualTo(service);
    List<String> purls =
        bom.getJsonArray("components").getValuesAs(JsonObject.class).stream()
            .map(component -> component.getString("purl"))
            .toList();
    for (String coordinates : shipped) {
      assertThat(purls).anyMatch(purl -> purl.startsWith("pkg:maven/" + coordinates + "@"));
    }
    assertThat(purls)
        .as("no test or provided dependencies")
        .noneMatch(purl -> purl.contains("/junit-") || purl.contains("/assertj-"))
        .noneMatch(purl -> purl.contains("jakarta.jakartaee-api") || purl.contains("microprofile"));
  }
}
