package org.researchclouds.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.researchclouds.operator.OwnCrdSchemas;
import org.researchclouds.operator.local.ClusterSeed;

/**
 * The examples are valid against the structural schema of our own CRDs, as the API server checks.
 */
class OwnCrdSchemaTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  void examplesValidateAgainstTheCrd(Path example) throws IOException {
    Map<?, ?> object = Serialization.unmarshal(Files.readString(example), Map.class);
    String crd =
        object.get("kind").equals("SecurityBaseline")
            ? "securitybaselines.researchclouds.org.yaml"
            : "researchprojects.researchclouds.org.yaml";

    assertThat(OwnCrdSchemas.errors(crd, object)).isEmpty();
  }

  static List<Path> exampleFiles() {
    return ClusterSeed.exampleFiles(Path.of("examples"));
  }

  @ParameterizedTest
  @CsvSource({"dataClassification: secret", "deletionPolicy: Purge"})
  void theSchemaRejectsValuesOutsideItsEnums(String change) throws IOException {
    String[] field = change.split(": ");
    String yaml =
        Files.readString(Path.of("examples", "projects", "genomics-lab.yaml"))
            .replaceAll("(?m)^  " + field[0] + ": .*$", "  " + field[0] + ": " + field[1]);
    Map<?, ?> object = Serialization.unmarshal(yaml, Map.class);

    assertThat(OwnCrdSchemas.errors("researchprojects.researchclouds.org.yaml", object))
        .isNotEmpty();
  }
}
