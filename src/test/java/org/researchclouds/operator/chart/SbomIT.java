package org.researchclouds.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build's CycloneDX SBOM (written in the package phase, before the integration tests) lists
 * what the operator's image ships: its runtime dependencies, and none of the tests'.
 */
class SbomIT {
  @Test
  void listsTheRuntimeDependenciesAndNoTestOne() throws Exception {
    JsonNode bom =
        new ObjectMapper()
            .readTree(Path.of("target", "researchproject-operator-sbom.json").toFile());
    List<String> components = new ArrayList<>();
    bom.get("components").forEach(c -> components.add(c.get("name").asText()));

    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("researchproject-operator");
    assertThat(components)
        .contains("operator-framework-core", "kubernetes-client", "logback-classic")
        .doesNotContain("junit-jupiter-api", "assertj-core", "helm-java");
  }
}
